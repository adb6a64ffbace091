"""The parts of `make bench` (bench/run.py runs them), by purpose.

- config.py: the settings (BENCH_* environment variables), readers and targets; say() and run();
- machine.py: PostgreSQL, wrk and Redis, the scratch database, the machine's description;
- server.py: gunicorn serving the scratch database, and one plain GET;
- measure.py: the endpoints and cold paths, warm-up, wrk's load and its figures;
- scale.py: one scale: fill the database, load every endpoint, profile the cold requests;
- report.py: the tables, the targets and bench/RESULTS.md's text.
"""
