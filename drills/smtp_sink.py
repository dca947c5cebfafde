#!/usr/bin/env python3
"""A tiny SMTP server for the drills: accepts every message and appends one line per message and recipient,
"<recipient>\t<subject>", to the file given (flushed at once). Usage: smtp_sink.py PORT FILE"""
import base64
import email
import email.header
import socketserver
import sys
import threading

OUT = None
LOCK = threading.Lock()


def subject_of(data):
    msg = email.message_from_bytes(data)
    parts = email.header.decode_header(msg.get("Subject", ""))
    return "".join(p.decode(c or "utf-8") if isinstance(p, bytes) else p for p, c in parts)


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 drill-sink ESMTP")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip()
            verb = cmd[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-drill-sink" if verb == "EHLO" else "250 drill-sink")
                if verb == "EHLO":
                    self.reply("250-8BITMIME")
                    self.reply("250 SMTPUTF8")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(cmd.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                chunks = []
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    chunks.append(l[1:] if l.startswith(b"..") else l)
                subject = subject_of(b"".join(chunks)).replace("\t", " ").replace("\n", " ")
                with LOCK:
                    for r in recipients:
                        OUT.write(f"{r}\t{subject}\n")
                    OUT.flush()
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # RSET, NOOP, anything else
                self.reply("250 OK")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    OUT = open(sys.argv[2], "a", encoding="utf-8")
    with Server(("127.0.0.1", int(sys.argv[1])), Session) as s:
        s.serve_forever()
