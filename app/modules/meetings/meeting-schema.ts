// Forms for meetings, agenda items and papers, shared by the browser (Conform) and the server.
import { z } from "zod";
import { dateInputSchema } from "~/utils/form-schemas";

/** 20 MB: the largest board pack PDF the papers suggest, with room to spare. */
export const PAPER_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The file types a paper may be, by extension, with the Content-Type it is served as.
 * Nothing that a browser would run or render as a page (HTML, SVG, scripts).
 */
export const PAPER_TYPES = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  csv: "text/csv",
  txt: "text/plain",
  rtf: "application/rtf",
} as const;

export const PAPER_TYPES_IN_WORDS = "a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, RTF or text file";

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max.toLocaleString("en-GB")} characters or fewer` })
    .optional();

/** An https address; anything else (http, javascript:, a bare name) is refused. */
export function httpsUrl(message: string) {
  return z
    .string()
    .trim()
    .max(2000, { error: "The link must be 2,000 characters or fewer" })
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === "https:" && url.hostname.includes(".");
        } catch {
          return false;
        }
      },
      { error: message },
    );
}

/** For a check that runs even when other fields failed, so may see raw values. */
function filled(value: unknown) {
  return typeof value === "string" && value.trim() !== "";
}

/** "18:30" or "6.30": the 24-hour clock. */
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

export const MeetingSchema = z
  .object({
    boardId: z.uuid({ error: "Select the board that is meeting" }),
    heldOn: dateInputSchema("the date of the meeting", { required: true }),
    startTime: z
      .string({ error: "Enter the start time" })
      .trim()
      .min(1, { error: "Enter the start time" })
      .regex(TIME, { error: "Enter a real start time on the 24-hour clock, like 18:30" }),
    place: optionalText("Place", 300),
    onlineUrl: httpsUrl("Enter the online meeting link as a full web address starting with https://").optional(),
    recordedAsPast: z.literal("yes").optional(),
  })
  .superRefine(
    (value, ctx) => {
      if (!filled(value.place) && !filled(value.onlineUrl)) {
        ctx.addIssue({ code: "custom", path: ["place"], message: "Enter a place or an online meeting link" });
      }
    },
    // Shown with the other fields' errors, not only once they are right: GOV.UK lists every problem at once.
    { when: () => true },
  )
  .transform(({ startTime, heldOn, ...rest }) => {
    const [, hours, minutes] = TIME.exec(startTime)!;
    return {
      ...rest,
      // Required above, so a parsed meeting always has its date.
      heldOn: heldOn as Date,
      // A @db.Time column: the local wall-clock time carried as a UTC time of day.
      startTime: new Date(Date.UTC(1970, 0, 1, Number(hours), Number(minutes))),
      recordedAsPast: rest.recordedAsPast === "yes",
    };
  });

export type MeetingInput = z.infer<typeof MeetingSchema>;

export const AgendaItemSchema = z.object({
  number: z
    .string({ error: "Enter the item's number as printed on the agenda, like 4.1" })
    .trim()
    .min(1, { error: "Enter the item's number as printed on the agenda, like 4.1" })
    .max(20, { error: "Number must be 20 characters or fewer" }),
  title: z
    .string({ error: "Enter the title of the agenda item" })
    .trim()
    .min(1, { error: "Enter the title of the agenda item" })
    .max(300, { error: "Title must be 300 characters or fewer" }),
  reportOf: optionalText("Report of", 300),
  purpose: optionalText("Purpose", 2000),
  decisionSought: optionalText("Decision sought", 2000),
  priorityIds: z.array(z.uuid({ error: "Select priorities from the list" })).optional(),
  indicatorIds: z.array(z.uuid({ error: "Select indicators from the list" })).optional(),
});

export type AgendaItemInput = z.infer<typeof AgendaItemSchema>;

/** The text fields of the paper form; the file itself is checked as it streams in. */
export const PaperSchema = z
  .object({
    kind: z.enum(["file", "link"], { error: "Select whether the paper is a file or a link" }),
    title: z
      .string({ error: "Enter the title of the paper" })
      .trim()
      .min(1, { error: "Enter the title of the paper" })
      .max(300, { error: "Title must be 300 characters or fewer" }),
    url: httpsUrl("Enter the link as a full web address starting with https://").optional(),
  })
  .superRefine(
    (value, ctx) => {
      if (value.kind === "link" && !filled(value.url)) ctx.addIssue({ code: "custom", path: ["url"], message: "Enter the link to the paper" });
    },
    { when: () => true },
  );

export type PaperInput = z.infer<typeof PaperSchema>;

export const MoveItemSchema = z.object({
  intent: z.enum(["move-up", "move-down"]),
  itemId: z.uuid(),
});

export const ATTENDANCE_STATUSES = ["PRESENT", "APOLOGIES", "ABSENT"] as const;

/** After the meeting: who came, and what was decided on each item (keyed by id). */
export const MeetingRecordSchema = z.object({
  attendance: z.record(z.string(), z.enum(ATTENDANCE_STATUSES, { error: "Select present, apologies or absent" })).optional(),
  otherAttendees: optionalText("Other attendees", 5000),
  decisions: z.record(z.string(), optionalText("Decision", 5000)).optional(),
});

export type MeetingRecordInput = z.infer<typeof MeetingRecordSchema>;

export const ActionArisingSchema = z.object({
  title: z
    .string({ error: "Enter the action" })
    .trim()
    .min(1, { error: "Enter the action" })
    .max(300, { error: "Action must be 300 characters or fewer" }),
  agendaItemId: z.uuid({ error: "Select an agenda item from the list" }).optional(),
  priorityId: z.uuid({ error: "Select a priority from the list" }).optional(),
  ownerAgencyId: z.uuid({ error: "Select an agency from the list" }).optional(),
  dueOn: dateInputSchema("the due date", { required: false }),
});

export type ActionArisingInput = z.infer<typeof ActionArisingSchema>;
