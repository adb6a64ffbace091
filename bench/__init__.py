"""The benchmark (`make bench`, bench/run.py) and its data generator, `manage.py bench_data`.

A Django app installed only when the environment sets OTSCOOP_BENCH=1 (bench/run.py does, for
the `bench_data` command): production and the developer's site never have it. See
bench/README.md.
"""
