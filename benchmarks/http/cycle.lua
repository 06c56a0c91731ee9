-- wrk script: every request is GET <path> with the session cookie of the next token of a file (one token a line),
-- cycling through all of them. Each wrk thread starts at its own offset so threads do not read the same rows.
-- Usage: wrk ... -s cycle.lua <url> -- <tokens file> <cookie name>
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  local file, cookie = args[1], args[2]
  if file == nil or cookie == nil then
    error("usage: wrk ... -s cycle.lua <url> -- <tokens file> <cookie name>")
  end
  tokens = {}
  for line in io.lines(file) do
    if #line > 0 then
      tokens[#tokens + 1] = line
    end
  end
  if #tokens == 0 then
    error("no tokens in " .. file)
  end
  name = cookie
  -- index is 1-based; spread the threads' starting points over the file.
  position = math.floor((index - 1) * #tokens / 8) % #tokens
end

function request()
  position = position % #tokens + 1
  return wrk.format("GET", nil, { ["Cookie"] = name .. "=" .. tokens[position] })
end
