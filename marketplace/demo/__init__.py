"""The demo cluster: a realistic, deterministic data set for ``flask seed-demo``.

``seed.seed_demo()`` builds it through the models; the ``*_data`` and
``products_*`` modules hold the hand-written content it is built from.
"""
