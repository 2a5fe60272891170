// A meeting as an iCalendar file (RFC 5545) for "add to calendar". Times go out in
// UTC, converted from the partnership's local time with @date-fns/tz, so no
// VTIMEZONE block is needed and every calendar agrees on the instant.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Actor } from "~/modules/access/actor.server";
import { getMeeting, meetingStartInstant } from "./meetings.server";

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
export function escapeText(text: string) {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space,
 * never splitting a multi-byte character.
 */
export function foldLine(line: string) {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // The first line may hold 75 octets; continuation lines lose one to the leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utcStamp(instant: Date) {
  return format(new TZDate(instant, "UTC"), "yyyyMMdd'T'HHmmss'Z'");
}

export type CalendarMeeting = {
  id: string;
  heldOn: Date;
  startTime: Date | null;
  place: string | null;
  onlineUrl: string | null;
  boardName: string;
  agenda: Array<{ number: string; title: string }>;
  pageUrl: string;
};

/** The .ics text for one meeting. `now` is the DTSTAMP (when this file was made). */
export function meetingCalendar(meeting: CalendarMeeting, timeZone: string, now = new Date()) {
  const start = meeting.startTime
    ? `DTSTART:${utcStamp(meetingStartInstant(meeting.heldOn, meeting.startTime, timeZone))}`
    : // No time on the papers: an all-day event on that date.
      `DTSTART;VALUE=DATE:${format(new TZDate(meeting.heldOn, "UTC"), "yyyyMMdd")}`;
  const location = [meeting.place, meeting.onlineUrl].filter(Boolean).join(", ");
  const description = [
    ...meeting.agenda.map((item) => `${item.number}. ${item.title}`),
    ...(meeting.onlineUrl ? [`Join online: ${meeting.onlineUrl}`] : []),
    `Agenda and papers: ${meeting.pageUrl}`,
  ].join("\n");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Safer Partnerships//Meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    // Stable per meeting, so adding the file again updates the event rather than duplicating it.
    `UID:meeting-${meeting.id}@safer-partnerships`,
    `DTSTAMP:${utcStamp(now)}`,
    start,
    `SUMMARY:${escapeText(`${meeting.boardName} meeting`)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${meeting.pageUrl}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** The calendar file for a meeting of the actor's partnership; null (404) otherwise. */
export async function getMeetingCalendar(actor: Actor, meetingId: string, partnership: { timeZone: string }, pageUrl: string) {
  const found = await getMeeting(actor, meetingId, partnership.timeZone);
  if (!found) return null;
  const { meeting } = found;
  const board = meeting.board.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const fileName = `${board || "meeting"}-${format(new TZDate(meeting.heldOn, "UTC"), "yyyy-MM-dd")}.ics`;
  const text = meetingCalendar(
    {
      id: meeting.id,
      heldOn: meeting.heldOn,
      startTime: meeting.startTime,
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      boardName: meeting.board.name,
      agenda: meeting.agendaItems.map((item) => ({ number: item.number, title: item.title })),
      pageUrl,
    },
    partnership.timeZone,
  );
  return { text, fileName };
}
