-- POST /open311/v2/requests.json, form-encoded, api_key in the body (an intake integration).
-- Usage: JICENG_KEY=jck_... JICENG_VILLAGE=330681... wrk -s create_open311.lua ...
local key = os.getenv("JICENG_KEY")
local village = os.getenv("JICENG_VILLAGE")
local n = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  n = n + 1
  local phone = string.format("137%d%07d", tid or 0, n % 10000000)
  local body = string.format(
    -- the same text as create_native.lua: "压测 N-M：村口路灯坏了三个星期，晚上很黑，老人出门不安全。"
    "api_key=%s&service_code=transport&address_id=%s&phone=%s&description=" ..
    "%%E5%%8E%%8B%%E6%%B5%%8B+%d-%d%%EF%%BC%%9A%%E6%%9D%%91%%E5%%8F%%A3%%E8%%B7%%AF%%E7%%81%%AF%%E5%%9D%%8F%%E4%%BA%%86%%E4%%B8%%89%%E4%%B8%%AA%%E6%%98%%9F%%E6%%9C%%9F%%EF%%BC%%8C%%E6%%99%%9A%%E4%%B8%%8A%%E5%%BE%%88%%E9%%BB%%91%%EF%%BC%%8C%%E8%%80%%81%%E4%%BA%%BA%%E5%%87%%BA%%E9%%97%%A8%%E4%%B8%%8D%%E5%%AE%%89%%E5%%85%%A8%%E3%%80%%82",
    key, village, phone, tid or 0, n)
  return wrk.format("POST", "/open311/v2/requests.json",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
