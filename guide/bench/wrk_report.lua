-- wrk script used for every throughput measurement of the benchmark harness.
-- Arguments (after `--`): method, expected status, request cap, body (optional).
-- It counts responses whose status differs from the expected one, stops after
-- the request cap, and prints one machine-readable line for guide.bench.wrk.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   wrk.method = args[1]
   expected = tonumber(args[2])
   cap = tonumber(args[3])
   if args[4] ~= nil and args[4] ~= "" then
      wrk.body = args[4]
      wrk.headers["Content-Type"] = "application/json"
   end
   responses = 0
   unexpected = 0
end

function response(status, headers, body)
   responses = responses + 1
   if status ~= expected then
      unexpected = unexpected + 1
   end
   if responses >= cap then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do
      bad = bad + thread:get("unexpected")
   end
   io.write(string.format(
      'WRK_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d, "unexpected_status": %d}, ' ..
      '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p99": %d, "max": %d}}\n',
      summary.requests, summary.duration, summary.bytes,
      summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
      summary.errors.status, bad,
      latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
