import { describe, expect, it } from "vitest";
import { escapeText, foldLine, meetingCalendar } from "~/modules/meetings/calendar.server";
import * as calendarRoute from "~/routes/$partnership.meetings.$meetingId.calendar[.]ics";
import { sessionCookieFor } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";
import { meetingWorld } from "./helpers";

const base = {
  id: "6f1c1f52-4b7a-4c1e-9a55-8a0e3f1f2b11",
  place: "Committee Room 1, Town Hall; North Wing",
  onlineUrl: null,
  boardName: "Safer Communities Partnership Board",
  agenda: [
    { number: "1", title: "Apologies" },
    { number: "4.1", title: "Burglary, robbery; and assault\nwith injury" },
  ],
  pageUrl: "https://app.example.org/tatton/meetings/6f1c1f52-4b7a-4c1e-9a55-8a0e3f1f2b11",
};
const time = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);
const NOW = new Date("2026-06-01T09:00:00Z");

/** Unfolds per RFC 5545 and returns the content lines. */
function contentLines(ics: string) {
  return ics.replace(/\r\n /g, "").split("\r\n");
}

describe("the .ics file", () => {
  it("gives DTSTART in UTC from the local time: 18:30 in July (BST) is 17:30Z, in January 18:30Z", () => {
    const july = meetingCalendar({ ...base, heldOn: new Date("2026-07-16T00:00:00Z"), startTime: time("18:30") }, "Europe/London", NOW);
    expect(contentLines(july)).toContain("DTSTART:20260716T173000Z");
    const january = meetingCalendar({ ...base, heldOn: new Date("2027-01-14T00:00:00Z"), startTime: time("18:30") }, "Europe/London", NOW);
    expect(contentLines(january)).toContain("DTSTART:20270114T183000Z");
    // The Sunday the clocks go back (25 October 2026): 10:00 is already GMT.
    const changeover = meetingCalendar({ ...base, heldOn: new Date("2026-10-25T00:00:00Z"), startTime: time("10:00") }, "Europe/London", NOW);
    expect(contentLines(changeover)).toContain("DTSTART:20261025T100000Z");
    const dayBefore = meetingCalendar({ ...base, heldOn: new Date("2026-10-24T00:00:00Z"), startTime: time("10:00") }, "Europe/London", NOW);
    expect(contentLines(dayBefore)).toContain("DTSTART:20261024T090000Z");
  });

  it("has a stable UID, a SUMMARY of the board's name, an escaped LOCATION, CRLF endings and folded lines", () => {
    const ics = meetingCalendar({ ...base, heldOn: new Date("2026-07-16T00:00:00Z"), startTime: time("18:30") }, "Europe/London", NOW);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const lines = contentLines(ics);
    expect(lines).toContain(`UID:meeting-${base.id}@safer-partnerships`);
    expect(lines).toContain("DTSTAMP:20260601T090000Z");
    expect(lines).toContain("SUMMARY:Safer Communities Partnership Board meeting");
    expect(lines).toContain("LOCATION:Committee Room 1\\, Town Hall\\; North Wing");
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toBe(
      `DESCRIPTION:1. Apologies\\n4.1. Burglary\\, robbery\\; and assault\\nwith injury\\nAgenda and papers: ${base.pageUrl}`,
    );
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    const again = meetingCalendar({ ...base, heldOn: new Date("2026-07-16T00:00:00Z"), startTime: time("19:00") }, "Europe/London");
    expect(contentLines(again)).toContain(`UID:meeting-${base.id}@safer-partnerships`);
  });

  it("an online meeting's LOCATION is its link; no start time makes an all-day event", () => {
    const ics = meetingCalendar(
      { ...base, place: null, onlineUrl: "https://teams.example.org/l/meetup-join/19%3ameeting", heldOn: new Date("2013-01-15T00:00:00Z"), startTime: null },
      "Europe/London",
      NOW,
    );
    const lines = contentLines(ics);
    expect(lines).toContain("LOCATION:https://teams.example.org/l/meetup-join/19%3ameeting");
    expect(lines).toContain("DTSTART;VALUE=DATE:20130115");
  });

  it("escapes backslashes and folds without splitting a multi-byte character", () => {
    expect(escapeText("a\\b;c,d\r\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    const long = `SUMMARY:${"é".repeat(60)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
  });

  it("is served as text/calendar to a member; another partnership's meeting is 404", async () => {
    const world = await meetingWorld();
    const other = await meetingWorld();
    const cookie = await sessionCookieFor(world.member.userId);
    const response = await callRoute(calendarRoute.loader, {
      path: `/${world.slug}/meetings/${world.meetingId}/calendar.ics`,
      params: { partnership: world.slug, meetingId: world.meetingId },
      cookie,
    });
    if (!isResponse(response)) throw new Error("expected a Response");
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="community-safety-board-2099-01-15.ics"`);
    const lines = contentLines(await response.text());
    // The factory's meeting: 15 January 2099 at 18:30 (GMT), Town Hall.
    expect(lines).toContain("DTSTART:20990115T183000Z");
    expect(lines).toContain("LOCATION:Town Hall");
    expect(lines).toContain("SUMMARY:Community Safety Board meeting");

    const stranger = await callRoute(calendarRoute.loader, {
      path: `/${world.slug}/meetings/${other.meetingId}/calendar.ics`,
      params: { partnership: world.slug, meetingId: other.meetingId },
      cookie,
    });
    expect(isResponse(stranger) && stranger.status).toBe(404);
  });
});
