from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's `bench_data` command; no models."""

    name = "bench"
    verbose_name = "Benchmark"
