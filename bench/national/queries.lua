-- wrk script: each request takes the next of the 50 queries in queries.txt (words, then
-- optional filter parameters after '&'), so every connection cycles through all of them.
local paths = {}
for line in io.lines(os.getenv("CASEBOOK_QUERIES") or "bench/national/queries.txt") do
  local words, filters = line:match("^([^&]*)(.*)$")
  local q = words:gsub("([^%w%-])", function(c) return string.format("%%%02X", string.byte(c)) end)
  paths[#paths + 1] = "/api/search?q=" .. q .. filters
end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
