-- The request mix of bench/mixed.sh for wrk: out of every 100 requests of a thread, 85 anonymous GETs
-- over the 200 pages of $MIXED_DIR/anonymous.txt, 10 GETs signed in as one of the writers
-- ($MIXED_DIR/writers.txt: "cookie|csrf|coalition slug" a line), and 5 POSTs: 3 registrations to
-- events ($MIXED_DIR/events.txt: a slug a line), 2 interest declarations. Sign-ins are not in this mix: bench/mixed.sh sends
-- them beside it at a steady rate (see there why). With MIXED_NGINX=1, the 85 anonymous GETs only
-- (what nginx can serve). Deterministic: each thread walks its own sequence.

local threads = {}
-- Counts the threads in the main state. Not named `id`: a local `id` here would also exist in each
-- thread's state (the script runs again there) and hide the global `id` that thread:set gives it, so
-- that every thread walked the same sequence (half the registrations were refused as made twice).
local created = 0

function setup(thread)
  created = created + 1
  thread:set("id", created)
  thread:set("nthreads", 0) -- set below, once every thread exists
  table.insert(threads, thread)
end

local function lines(path)
  local out = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(out, line) end
  end
  return out
end

local function split(s, sep)
  local out = {}
  for part in string.gmatch(s, "([^" .. sep .. "]+)") do table.insert(out, part) end
  return out
end

local function urlencode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local dir = os.getenv("MIXED_DIR")
  nginx_only = os.getenv("MIXED_NGINX") == "1"
  pages = lines(dir .. "/anonymous.txt")
  coalitions = {}
  for _, p in ipairs(pages) do
    local slug = string.match(p, "^/coalitions/(.+)$")
    if slug then table.insert(coalitions, slug) end
  end
  writers = {}
  for _, line in ipairs(lines(dir .. "/writers.txt")) do
    local f = split(line, "|")
    table.insert(writers, { cookie = f[1], csrf = f[2], slug = f[3] })
  end
  events = lines(dir .. "/events.txt")
  threads_n = tonumber(os.getenv("MIXED_THREADS") or "1")
  n, anon_n, signed_n, post_n, registrations = 0, 0, 0, 0, 0
  statuses = {}
end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }

local function post(path, cookie, body)
  post_n = post_n + 1
  return wrk.format("POST", path, { ["Content-Type"] = form["Content-Type"], ["Cookie"] = cookie }, body)
end

function request()
  n = n + 1
  local k = n % 100
  if nginx_only or k < 85 then
    anon_n = anon_n + 1
    return wrk.format("GET", pages[(n * 37 + id * 13) % #pages + 1])
  end
  local w = writers[(n + id) % #writers + 1]
  if k < 95 then
    signed_n = signed_n + 1
    local choice = k % 4
    local path
    if choice == 0 then path = "/coalitions/" .. w.slug
    elseif choice == 1 then path = "/evenements/" .. events[(n + id) % #events + 1]
    elseif choice == 2 then path = "/tableau-de-bord"
    else path = "/compte" end
    return wrk.format("GET", path, { ["Cookie"] = w.cookie })
  end
  if k < 98 then
    -- Registrations: each (writer, event) pair once, across threads, until they run out: thread `id`
    -- of MIXED_THREADS takes every MIXED_THREADS-th pair (a stride of 16 drew two writers and half the
    -- events, and half the POSTs were refused as already registered).
    registrations = registrations + 1
    local q = (registrations - 1) * threads_n + (id - 1)
    local r = writers[q % #writers + 1]
    local ev = events[math.floor(q / #writers) % #events + 1]
    return post("/evenements/" .. ev .. "/inscription", r.cookie, "csrf=" .. urlencode(r.csrf))
  end
  local slug = coalitions[(n * 7 + id) % #coalitions + 1]
  return post("/coalitions/" .. slug .. "/interet", w.cookie,
    "csrf=" .. urlencode(w.csrf) .. "&commande=1&usages=1&message=" .. urlencode("Intéressés : message " .. n))
end

function response(status, headers, body)
  if status ~= 200 then statuses[status] = (statuses[status] or 0) + 1 end
end

function done(summary, latency, requests)
  local anon, signed, posts = 0, 0, 0
  local all = {}
  for _, t in ipairs(threads) do
    anon = anon + (t:get("anon_n") or 0)
    signed = signed + (t:get("signed_n") or 0)
    posts = posts + (t:get("post_n") or 0)
    local s = t:get("statuses") or {}
    for code, count in pairs(s) do all[code] = (all[code] or 0) + count end
  end
  io.write(string.format("mix: %d anonymous GETs, %d signed-in GETs, %d POSTs sent\n", anon, signed, posts))
  local parts = {}
  for code, count in pairs(all) do table.insert(parts, code .. ": " .. count) end
  table.sort(parts)
  io.write("posts: " .. (#parts > 0 and table.concat(parts, ", ") or "none") .. " (answers other than 200)\n")
end
