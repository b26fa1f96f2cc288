"""A fake SMS gateway on loopback that speaks each adapter's protocol, for the real SDKs.

* Aliyun dysmsapi SendSms (RPC style: the action in ``x-acs-action`` or ``Action``, the
  parameters in the query string or a form body) answers ``{"Code": "OK", "BizId": ...}``.
* Tencent Cloud API 3.0 SendSms (``X-TC-Action``, a JSON body) answers
  ``{"Response": {"SendStatusSet": [{"Code": "Ok", "SerialNo": ...}], ...}}``.
* Our generic HTTP protocol (docs/sms-gateways.md) at ``/sms``, which drops a second
  message with the same ``Idempotency-Key`` (409 with the first one's id), as a real
  provincial gateway that takes a client message id does.

What a phone would receive is kept in ``deliveries``, so a test counts the copies of a
message by its client id. The gateway can be told to misbehave: stop listening
(``refuse``), answer 5xx (``trouble = "5xx"``), answer too slowly (``trouble = "slow"``;
the message is still sent, as a real gateway that took it would), answer with its
throttling code (``"throttle"``), or refuse some numbers (``bad_numbers``).

Run it alone for benchmarks: ``python tests/sms_gateway.py --port 8025``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import re
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

TOKEN = "gateway-token"
ACCESS_KEY_ID = "LTAI-test-key"
SECRET_ID = "AKID-test-key"


@dataclass(frozen=True)
class Delivery:
    """One message as the phone received it."""

    protocol: str
    client_id: str
    phone: str
    sign: str
    template: str
    params: dict[str, str] | list[str]
    provider_id: str
    account: str = ""  # Aliyun's AccessKeyId, Tencent's SmsSdkAppId


@dataclass
class _Answer:
    status: int
    body: dict[str, Any]


@dataclass
class Gateway:
    host: str = "127.0.0.1"
    port: int = 0
    trouble: str | None = None  # "5xx", "slow", "throttle" or None
    slow_seconds: float = 3.0
    delay: float = 0.0  # every answer waits this long (a busy gateway)
    bad_numbers: set[str] = field(default_factory=set)  # as 11 digits
    deliveries: list[Delivery] = field(default_factory=list)
    requests: int = 0
    in_flight: int = 0
    repeats: int = 0  # messages handed over again and dropped by their Idempotency-Key
    _taken: dict[str, str] = field(default_factory=dict)  # Idempotency-Key -> provider id
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(900619746936498440))

    # -- running ---------------------------------------------------------------------------

    def start(self) -> Gateway:
        server = _Server((self.host, self.port), _Handler)
        server.gateway = self
        self.port = server.server_address[1]
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def refuse(self) -> None:
        """Stop listening and drop open connections: the next call gets "connection refused"."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.drop_connections()
            self._server = None

    def resume(self) -> None:
        """Listen again, on the same port."""
        if self._server is None:
            self.start()

    stop = refuse

    def wait_idle(self, seconds: float = 10.0) -> None:
        """Wait until no request is being answered (a slow answer finishes after a timeout)."""
        deadline = time.monotonic() + seconds
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not self.in_flight, "the gateway is still answering"

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    # -- what the phones received ----------------------------------------------------------

    def copies(self) -> Counter[str]:
        """How many times each client id reached a phone."""
        return Counter(d.client_id for d in self.deliveries)

    def _deliver(self, protocol: str, phone: str, **fields: Any) -> str:
        with self._lock:
            provider_id = (
                f"{next(self._ids)}^0" if protocol == "aliyun" else f"2640:{uuid.uuid4().hex}"
            )
            self.deliveries.append(
                Delivery(protocol=protocol, phone=phone, provider_id=provider_id, **fields)
            )
        return provider_id

    # -- the three protocols ---------------------------------------------------------------

    def aliyun(self, params: dict[str, str]) -> _Answer:
        request_id = str(uuid.uuid4()).upper()
        if params.get("Action") != "SendSms":
            return _Answer(400, {"Code": "InvalidAction.NotFound", "RequestId": request_id})
        if self.trouble == "5xx":
            return _Answer(503, {"Code": "ServiceUnavailable", "RequestId": request_id})
        if self.trouble == "throttle":
            return _Answer(200, {"Code": "isv.BUSINESS_LIMIT_CONTROL", "RequestId": request_id})
        phone = params.get("PhoneNumbers", "")
        if phone in self.bad_numbers:
            return _Answer(200, {"Code": "isv.MOBILE_NUMBER_ILLEGAL", "RequestId": request_id})
        biz_id = self._deliver(
            "aliyun",
            phone,
            client_id=params.get("OutId", ""),
            sign=params.get("SignName", ""),
            template=params.get("TemplateCode", ""),
            params=json.loads(params.get("TemplateParam") or "{}"),
            account=params.get("AccessKeyId", ""),
        )
        body = {"Code": "OK", "Message": "OK", "BizId": biz_id, "RequestId": request_id}
        return _Answer(200, body)

    def tencent(self, action: str, body: dict[str, Any]) -> _Answer:
        request_id = str(uuid.uuid4())
        if action != "SendSms":
            error = {"Code": "InvalidAction", "Message": action}
            return _Answer(200, {"Response": {"Error": error, "RequestId": request_id}})
        if self.trouble == "5xx":
            return _Answer(502, {"message": "bad gateway"})
        phone = body.get("PhoneNumberSet", [""])[0]
        code = "Ok"
        if self.trouble == "throttle":
            code = "LimitExceeded.PhoneNumberOneHourLimit"
        elif phone.removeprefix("+86") in self.bad_numbers:
            code = "InvalidParameterValue.IncorrectPhoneNumber"
        serial = ""
        if code == "Ok":
            serial = self._deliver(
                "tencent",
                phone,
                client_id=body.get("SessionContext", ""),
                sign=body.get("SignName", ""),
                template=body.get("TemplateId", ""),
                params=list(body.get("TemplateParamSet") or []),
                account=str(body.get("SmsSdkAppId", "")),
            )
        status = {
            "SerialNo": serial,
            "PhoneNumber": phone,
            "Fee": 1 if serial else 0,
            "SessionContext": body.get("SessionContext", ""),
            "Code": code,
            "Message": "send success" if serial else code,
            "IsoCode": "CN",
        }
        return _Answer(200, {"Response": {"SendStatusSet": [status], "RequestId": request_id}})

    def http(self, key: str, token: str, body: dict[str, Any]) -> _Answer:
        if token != f"Bearer {TOKEN}":
            return _Answer(401, {"reason": "unauthorized"})
        if self.trouble == "5xx":
            return _Answer(503, {"reason": "maintenance"})
        if self.trouble == "throttle":
            return _Answer(429, {"reason": "too many requests"})
        if not key or key != body.get("id"):
            return _Answer(400, {"reason": "Idempotency-Key must equal id"})
        phone = str(body.get("phone", ""))
        if phone.removeprefix("+86") in self.bad_numbers:
            return _Answer(422, {"reason": "invalid phone number"})
        with self._lock:
            earlier = self._taken.get(key)
        if earlier:
            with self._lock:
                self.repeats += 1
            return _Answer(409, {"id": earlier, "reason": "already taken"})
        provider_id = self._deliver(
            "http",
            phone,
            client_id=key,
            sign=str(body.get("sign", "")),
            template=str(body.get("template", "")),
            params=dict(body.get("params") or {}),
        )
        with self._lock:
            self._taken[key] = provider_id
        return _Answer(200, {"id": provider_id})


class _Server(ThreadingHTTPServer):
    gateway: Gateway
    block_on_close = False  # pooled keep-alive connections must not hold up a stop
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.open: set[socket.socket] = set()
        self.open_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.open_lock:
            self.open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.open_lock:
            self.open.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        with self.open_lock:
            for sock in list(self.open):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            self.open.clear()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDKs' pooled connections expect
    server: _Server
    # One write per answer (flushed by the handler after each request), and no Nagle
    # delay: headers and body sent apart would each wait for the client's delayed ACK.
    wbufsize = 64 * 1024

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the request line of Aliyun's protocol holds the phone number

    def do_POST(self) -> None:
        gateway = self.server.gateway
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        with gateway._lock:
            gateway.requests += 1
            gateway.in_flight += 1
        try:
            if gateway.trouble == "slow":
                time.sleep(gateway.slow_seconds)
            elif gateway.delay:
                time.sleep(gateway.delay)
            self._reply(self._answer(gateway, raw))
        finally:
            with gateway._lock:
                gateway.in_flight -= 1

    def _answer(self, gateway: Gateway, raw: bytes) -> _Answer:
        url = urlsplit(self.path)
        tencent_action = self.headers.get("X-TC-Action")
        aliyun_action = self.headers.get("x-acs-action")
        if tencent_action:
            return gateway.tencent(tencent_action, json.loads(raw or b"{}"))
        if url.path == "/sms":
            key = self.headers.get("Idempotency-Key", "")
            token = self.headers.get("Authorization", "")
            return gateway.http(key, token, json.loads(raw or b"{}"))
        params = dict(parse_qsl(url.query))
        if raw and "form-urlencoded" in (self.headers.get("Content-Type") or ""):
            params.update(parse_qsl(raw.decode()))
        if aliyun_action:
            params.setdefault("Action", aliyun_action)
        # The signature's credential: "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,...".
        credential = re.search(r"Credential=([^,]+)", self.headers.get("Authorization") or "")
        if credential:
            params.setdefault("AccessKeyId", credential.group(1))
        return gateway.aliyun(params)

    def _reply(self, answer: _Answer) -> None:
        data = json.dumps(answer.body, ensure_ascii=False).encode()
        try:
            self.send_response(answer.status)
            # Tencent's SDK reads errors only from exactly this content type.
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            pass  # the client gave up waiting (a timeout test)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    gateway = Gateway(port=args.port, delay=args.delay).start()
    print(f"fake SMS gateway on {gateway.base}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        gateway.stop()


if __name__ == "__main__":
    main()
