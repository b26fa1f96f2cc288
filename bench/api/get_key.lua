-- GET a path with the staff API key. Usage: JICENG_KEY=jck_... wrk -s get_key.lua URL
local key = os.getenv("JICENG_KEY")
wrk.headers["X-API-Key"] = key
