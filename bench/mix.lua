-- bench/mix's wrk script: each request is one signed-in session's page,
-- the kind chosen by its weight (MIX_PAGES), then one page of that kind at
-- random. Reads requests.tsv (kind, weight, cookie, path) from the working
-- folder; prints one RESULT line with the page cache's hit rate (the
-- x-sidhanto-cache header of each answer).
local kinds, total = {}, 0
for line in io.lines("requests.tsv") do
  local kind, weight, cookie, path = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
  if not kinds[kind] then
    kinds[kind] = { weight = tonumber(weight), list = {} }
    total = total + tonumber(weight)
  end
  table.insert(kinds[kind].list, { cookie, path })
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init()
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  hits, answers = 0, 0
end

function request()
  local r = math.random() * total
  for _, k in pairs(kinds) do
    r = r - k.weight
    if r <= 0 and #k.list > 0 then
      local pick = k.list[math.random(#k.list)]
      return wrk.format("GET", pick[2], { ["Cookie"] = pick[1] })
    end
  end
  local k = next(kinds)
  local pick = kinds[k].list[1]
  return wrk.format("GET", pick[2], { ["Cookie"] = pick[1] })
end

function response(status, headers, body)
  answers = answers + 1
  if headers["x-sidhanto-cache"] == "hit" then hits = hits + 1 end
end

function done(summary, latency, requests)
  local h, n = 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits")
    n = n + t:get("answers")
  end
  local secs = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT rps=%.0f p50=%.2f p95=%.2f p99=%.2f errors=%d hits=%s\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, n > 0 and string.format("%.0f%%", 100 * h / n) or "-"))
end
