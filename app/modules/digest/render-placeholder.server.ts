// A stand-in for the react-email digest (issue 7, part 2), so sending can be built and
// tested first. Replace it by passing another DigestRenderer to the jobs
// (app/modules/jobs/tasks.server.ts); nothing else depends on what it says.
import type { DigestRenderer } from "~/modules/digest/delivery.server";
import { formatCalendarDate, formatTimeOfDay } from "~/utils/dates";
import { env } from "~/utils/env.server";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const renderPlaceholderDigest: DigestRenderer = async (_tx, { partnership, meeting }, recipient) => {
  const date = formatCalendarDate(meeting.heldOn);
  const when = meeting.startTime ? `${date} at ${formatTimeOfDay(meeting.startTime)}` : date;
  const where = meeting.place ?? meeting.onlineUrl ?? null;
  const link = new URL(`/${partnership.slug}/meetings/${meeting.id}`, env().APP_URL).toString();
  const subject = `${meeting.board.name} meeting on ${date}: your briefing`;
  const text = [
    `Dear ${recipient.name},`,
    "",
    `The ${meeting.board.name} meets on ${when}${where ? `, ${where}` : ""}.`,
    `See the meeting and its agenda: ${link}`,
    "",
    partnership.name,
  ].join("\n");
  const html =
    `<p>Dear ${escapeHtml(recipient.name)},</p>` +
    `<p>The ${escapeHtml(meeting.board.name)} meets on ${escapeHtml(when)}${where ? `, ${escapeHtml(where)}` : ""}.</p>` +
    `<p><a href="${escapeHtml(link)}">See the meeting and its agenda</a></p>` +
    `<p>${escapeHtml(partnership.name)}</p>`;
  return { subject, html, text };
};
