import { instrument } from './calls';
import { Service } from './context';
import type { SentMail } from './records';

/**
 * MailApp: messages are recorded, never sent. The daily quota counts
 * recipients (to, cc and bcc), 100 a day on consumer accounts by default.
 */
const EMAIL = /^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;

function recipients(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export class MailApp extends Service {
  /**
   * sendEmail(message), sendEmail(recipient, subject, body),
   * sendEmail(recipient, subject, body, options), sendEmail(to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    const mail = this.#message(args);
    const all = [...recipients(mail.to), ...recipients(mail.cc), ...recipients(mail.bcc)];
    if (all.length === 0) throw this.ctx.exception('Failed to send email: no recipient');
    for (const address of all)
      if (!EMAIL.test(address)) throw this.ctx.exception(`Invalid email: ${address}`);
    if (all.length > this.ctx.mailQuota)
      throw this.ctx.exception('Service invoked too many times for one day: email.');
    this.ctx.mailQuota -= all.length;
    this.ctx.sentMail.push(mail);
  }

  getRemainingDailyQuota(): number {
    return this.ctx.mailQuota;
  }

  #message(args: unknown[]): SentMail {
    const text = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
    const [a, b, c, d] = args;
    if (args.length === 1 && typeof a === 'object' && a !== null) {
      const m = a as Record<string, unknown>;
      return clean({
        to: String(m.to ?? ''),
        subject: String(m.subject ?? ''),
        body: String(m.body ?? ''),
        htmlBody: text(m.htmlBody),
        name: text(m.name),
        cc: text(m.cc),
        bcc: text(m.bcc),
        replyTo: text(m.replyTo),
      });
    }
    if (args.length === 4 && typeof d === 'string') {
      return clean({ to: String(a), replyTo: String(b), subject: String(c), body: d });
    }
    if (args.length >= 3 && typeof a === 'string') {
      const o = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
      return clean({
        to: a,
        subject: String(b),
        body: String(c),
        htmlBody: text(o.htmlBody),
        name: text(o.name),
        cc: text(o.cc),
        bcc: text(o.bcc),
        replyTo: text(o.replyTo),
      });
    }
    throw this.ctx.exception("The parameters don't match the method signature for MailApp.sendEmail.");
  }
}

/** Drops absent optional fields so records compare cleanly with toEqual. */
function clean(mail: SentMail): SentMail {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(mail)) if (v !== undefined) out[k] = v;
  return out as unknown as SentMail;
}

instrument(MailApp, 'MailApp');
