"""Full-text search for the marketplace: documents from models, index sync after commit, the search page.

The index itself is the plain library ``search_index``; this package decides what
is indexed (``documents``), keeps it current (``sync``), opens it lazily
(``engine``), and answers queries with the access rules applied (``services``).
"""
