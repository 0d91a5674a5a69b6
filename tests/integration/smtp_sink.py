"""A real SMTP server for the tests: aiosmtpd with this handler writes each message it accepts to a
directory, one .eml file each, whole or not at all.

    PYTHONPATH=tests/integration /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink DIR [DELAY]

Recipients starting with "refuse" are refused for good (550), those starting with "later" for now
(451). DELAY seconds pass before a message is acknowledged (so that a test can stop a sender while
the message is in flight; it is already written then, as a server that crashed before answering).
Each session a client opens (its EHLO) adds a line to the directory's ".sessions" file.
"""
import asyncio
import itertools
import os
import time

_counter = itertools.count()


class Sink:
    def __init__(self, directory, delay="0"):
        self.directory = directory
        self.delay = float(delay)
        os.makedirs(directory, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        with open(os.path.join(self.directory, ".sessions"), "a") as out:
            out.write(hostname + "\n")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 <%s>: Recipient address rejected: no such mailbox here" % address
        if address.startswith("later"):
            return "451 4.3.0 <%s>: mailbox busy, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%d-%d" % (time.time_ns(), next(_counter))
        temporary = os.path.join(self.directory, "." + name + ".tmp")
        with open(temporary, "wb") as out:
            out.write(envelope.original_content or envelope.content)
        os.rename(temporary, os.path.join(self.directory, name + ".eml"))
        if self.delay:
            await asyncio.sleep(self.delay)
        return "250 2.0.0 Message accepted for delivery"
