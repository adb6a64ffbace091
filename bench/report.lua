-- wrk script for bench/run.py: when the run is over, print one line of JSON with its exact
-- figures (wrk's own summary rounds them). Latencies are in microseconds; "status" counts
-- responses with a status of 400 or more (bench/run.py checks beforehand that each URL
-- answers 200, not a redirect). No per-response hook: it would cost wrk CPU time that the
-- server, on the same machine, needs.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, '
      .. '"p99_us": %d, "mean_us": %.1f, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max
  ))
end
