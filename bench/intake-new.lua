-- wrk script: intake of first-time callers (issue 17) - every request a customer new to the system with name,
-- phone, VIN and plate, a category and a 60-character Chinese description, as a hotline's day brings them.
-- Authentication, validation, the caller and car lookup, customer and vehicle creation with their audit entries,
-- the class, timeline, audit, outbox and idempotency key: nothing switched off. TOKEN comes from the environment.
-- Phones and VINs are unique within one wrk run and between the runs of one benchmark (each run takes the
-- second it starts at as a stamp); a stamp repeats after 50 minutes, when an earlier run's callers can be known.
local token = os.getenv("TOKEN")
local counter = 0
local thread_id = 0
local stamp = os.time() % 3000
local descriptions = {
  "客户反映新车行驶三千公里后发动机冷启动时有明显异响，服务站检查两次未找到原因，要求尽快彻底处理并给出书面检测结论报告！",
  "车辆在高速行驶时方向盘抖动严重，四轮定位和动平衡已做过三次仍未解决，客户担心行车安全问题，情绪较为激动，要求退换车辆！",
  "客户预约保养到店后等待超过三小时，服务顾问未主动说明进度，结算时又多收了工时费，要求退还多收的费用并由店方书面正式道歉。",
  "空调制冷效果差且出风口有明显异味，经销商更换空调滤芯后问题依旧，客户认为属于质量问题，要求免费更换压缩机并延长质保期！",
  "中控大屏频繁死机黑屏，倒车影像无法显示，已严重影响正常使用，客户已多次到店升级软件未果，要求厂家尽快给出书面解决方案！"
}
local categories = { "PRODUCT_QUALITY", "PRODUCT_QUALITY", "SERVICE_PROCESS", "TECHNICAL_CAPABILITY", "PARTS_SUPPLY" }
local surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" }
local given = { "先生", "女士", "建国", "海燕", "志强", "秀英", "伟", "静" }

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local n = ((stamp * 2 + (tid or 0) % 2) * 1000000) + counter % 1000000  -- below 6e9: unique in this run
  local phone = string.format("1%d%09d", 3 + math.floor(n / 1000000000), n % 1000000000)
  local vin = string.format("LKC%014d", n)
  local plate = string.format("京A%05d", counter % 100000)
  local name = surnames[counter % #surnames + 1] .. given[counter % #given + 1]
  local body = string.format('{"kind":"COMPLAINT","channel":"HOTLINE_400","category":"%s","description":"%s",'
      .. '"customer":{"name":"%s","phone":"%s"},"vehicle":{"vin":"%s","plate":"%s"}}',
      categories[counter % #categories + 1], descriptions[counter % #descriptions + 1], name, phone, vin, plate)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = string.format("bench-new-%d-%d-%d", os.time(), tid or 0, counter)
  }
  return wrk.format("POST", "/api/v1/complaints", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
