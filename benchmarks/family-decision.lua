-- wrk script: POST /api/v1/decisions/family with a realistic safe-house family, a new familyRef each request.
-- Credentials come from HAMYAR_AUTH ("user:password" of an intake user). Non-200 answers are counted and reported.
-- Run with benchmarks/throughput.sh.
local auth = os.getenv("HAMYAR_AUTH") or "intake:intake-test"

local function base64(data)
  local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  return ((data:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#data % 3 + 1])
end

local template = [[{"familyRef":"B-%s-%d","assessedOn":"2026-11-20",
"members":[{"ref":"m1","role":"HEAD","sex":"FEMALE","birthDate":"1990-04-02"},
{"ref":"m2","role":"CHILD","sex":"MALE","birthDate":"2014-01-15","inCustody":true},
{"ref":"m3","role":"CHILD","sex":"MALE","birthDate":"2013-11-21","inCustody":true}],
"indicators":{"INCOME":2,"EMPLOYMENT":1,"HOUSING":3,"SAFETY":1,"FOOD":3,"DEBT":2,"HEALTH":3,"FAMILY_RELATIONS":2,
"PARENTING":3,"SUBSTANCE_USE":4,"MENTAL_HEALTH":2,"SOCIAL_SUPPORT":2,"CHILD_EDUCATION":null,"ADULT_EDUCATION":3,
"COMMUNITY_PARTICIPATION":3},
"circumstances":["DOMESTIC_VIOLENCE","FEMALE_HEADED"],
"safeHouse":{"applicantRef":"m1","admissionOn":"2026-11-21","requestedMonths":4,"immediateDanger":true}}]]

local counter = 0
local errors = 0
local prefix = tostring(math.random(100000, 999999))

function setup(thread)
  thread:set("id", tostring(math.random(100000, 999999)))
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. base64(auth)

function request()
  counter = counter + 1
  return wrk.format(nil, "/api/v1/decisions/family", nil, string.format(template, id or prefix, counter))
end

function response(status)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("decisions/s %.0f  p50 %.2f ms  p99 %.2f ms  non-2xx %d  socket errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
