"""An aiosmtpd handler that answers RCPT TO the way real mail servers refuse, so the mail adapter's
classification is tested against a real SMTP dialogue (Debian python3-aiosmtpd):

  busy@...    451 4.3.0 (transient: greylisting, a full queue)  -> the adapter retries
  nobody@...  550 5.1.1 (permanent: no such mailbox)           -> the adapter marks it dead
  anything else is accepted and stored in the maildir given as the handler's argument.

Started as `PYTHONPATH=tools/emulators python3 -m aiosmtpd -n -l 127.0.0.1:PORT
-c smtp_replies.Replies DIR`. Not an emulator of a partner: any MTA answers so.
"""

from aiosmtpd.handlers import Mailbox


class Replies(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("busy@"):
            return "451 4.3.0 Mailbox busy, try again later"
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"
