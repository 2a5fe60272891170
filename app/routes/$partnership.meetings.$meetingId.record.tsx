import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { DateField, ErrorSummary, RadiosField, SelectField, summariseErrors, TextareaField, TextField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { ActionArisingSchema, MeetingRecordSchema } from "~/modules/meetings/meeting-schema";
import {
  addActionArising,
  addActionArisingToPlan,
  getMeetingRecord,
  removeActionArising,
  saveMeetingRecord,
} from "~/modules/meetings/record.server";
import { formatCalendarDate } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Record the meeting - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getMeetingRecord(actor, params.meetingId ?? "");
  invariantResponse(found, "Meeting not found");
  return { slug: partnership.slug, ...found };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const meetingId = params.meetingId ?? "";
  const here = `/${partnership.slug}/meetings/${meetingId}/record`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "to-plan" || intent === "remove-arising") {
    const arisingId = String(formData.get("arisingId") ?? "");
    if (intent === "remove-arising") {
      invariantResponse(await removeActionArising(actor, meetingId, arisingId), "Action not found");
      return redirect(`${here}?saved=removed#actions-arising`);
    }
    const result = await addActionArisingToPlan(actor, meetingId, arisingId, partnership);
    invariantResponse(result, "Action not found");
    if (result.status === "refused") return data({ form: "to-plan" as const, message: result.message, arisingId }, { status: 400 });
    return redirect(`${here}?saved=to-plan#actions-arising`);
  }
  if (intent === "add-arising") {
    const submission = parseWithZod(formData, { schema: ActionArisingSchema });
    if (submission.status !== "success") {
      invariantResponse(await getMeetingRecord(actor, meetingId), "Meeting not found");
      return data({ form: "arising" as const, result: submission.reply() }, { status: 400 });
    }
    const result = await addActionArising(actor, meetingId, submission.value);
    invariantResponse(result, "Meeting not found");
    if (result.status !== "saved") return data({ form: "arising" as const, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    return redirect(`${here}?saved=arising#actions-arising`);
  }
  const submission = parseWithZod(formData, { schema: MeetingRecordSchema });
  if (submission.status !== "success") {
    invariantResponse(await getMeetingRecord(actor, meetingId), "Meeting not found");
    return data({ form: "record" as const, result: submission.reply() }, { status: 400 });
  }
  const result = await saveMeetingRecord(actor, meetingId, submission.value);
  invariantResponse(result, "Meeting not found");
  if (result.status !== "saved") return data({ form: "record" as const, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirect(`/${partnership.slug}/meetings/${meetingId}?saved=recorded#record`);
}

const SAVED: Record<string, string> = {
  arising: "Action arising added",
  removed: "Action arising removed",
  "to-plan": "Added to the delivery plan",
};

export default function RecordMeeting() {
  const { slug, meeting, boardMembers, agencies, priorities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = SAVED[searchParams.get("saved") ?? ""];
  const back = `/${slug}/meetings/${meeting.id}`;
  const attendance = Object.fromEntries(meeting.attendances.map((a) => [a.boardMemberId, a.status]));
  const decisions = Object.fromEntries(meeting.agendaItems.map((item) => [item.id, item.decision ?? undefined]));

  const [recordForm, recordFields] = useForm<z.input<typeof MeetingRecordSchema>, z.output<typeof MeetingRecordSchema>>({
    id: "meeting-record",
    lastResult: actionData && "result" in actionData && actionData.form === "record" ? actionData.result : undefined,
    defaultValue: { attendance, decisions, otherAttendees: meeting.otherAttendees ?? undefined },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingRecordSchema }),
  });
  const [arisingForm, arisingFields] = useForm<z.input<typeof ActionArisingSchema>, z.output<typeof ActionArisingSchema>>({
    id: "action-arising",
    lastResult: actionData && "result" in actionData && actionData.form === "arising" ? actionData.result : undefined,
    // Server-checked only, as the meeting form: a bad due date alone would otherwise block the submit unseen.
    shouldValidate: "onSubmit",
  });
  const attendanceFields = recordFields.attendance.getFieldset();
  const decisionFields = recordFields.decisions.getFieldset();
  const recordErrors = summariseErrors(recordForm, [
    recordFields.attendance,
    ...boardMembers.map((member) => attendanceFields[member.id]!),
    recordFields.otherAttendees,
    recordFields.decisions,
    ...meeting.agendaItems.map((item) => decisionFields[item.id]!),
  ] as Array<FieldMetadata<unknown>>);
  const arisingErrors = summariseErrors(arisingForm, [
    arisingFields.title,
    arisingFields.agendaItemId,
    arisingFields.priorityId,
    arisingFields.ownerAgencyId,
    arisingFields.dueOn,
  ] as Array<FieldMetadata<unknown>>);
  const planError = actionData && "message" in actionData ? actionData.message : null;

  return (
    <>
      {saved ? <SuccessBanner heading={saved} /> : null}
      <Link to={back} className="govuk-back-link">
        Back to the meeting
      </Link>
      <span className="govuk-caption-l">{`${meeting.board.name}, ${formatCalendarDate(meeting.heldOn)}`}</span>
      <h1 className="govuk-heading-l">Record the meeting</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={[...recordErrors, ...arisingErrors, ...(planError ? [{ fieldId: "actions-arising", message: planError }] : [])]} />
          <Form method="post" {...getFormProps(recordForm)} noValidate>
            <h2 className="govuk-heading-m">Attendance</h2>
            {boardMembers.length === 0 ? <p className="govuk-body">The board has no members set up.</p> : null}
            {boardMembers.map((member) => (
              <RadiosField
                key={member.id}
                field={attendanceFields[member.id] as FieldMetadata<string | undefined>}
                label={`${member.person.name}${member.agency ? ` (${member.agency.name})` : ""}`}
                inline
                small
                options={[
                  { value: "PRESENT", label: "Present" },
                  { value: "APOLOGIES", label: "Apologies" },
                  { value: "ABSENT", label: "Absent" },
                ]}
              />
            ))}
            <TextareaField field={recordFields.otherAttendees} label="Others attending (optional)" hint="Officers and guests, one a line" rows={3} />
            <h2 className="govuk-heading-m">Decisions</h2>
            {meeting.agendaItems.map((item) => (
              <TextareaField
                key={item.id}
                field={decisionFields[item.id] as FieldMetadata<string | undefined>}
                label={`${item.number}. ${item.title}`}
                hint="What the board decided or noted (optional)"
                rows={3}
              />
            ))}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save attendance and decisions
            </button>
          </Form>

          <h2 className="govuk-heading-m" id="actions-arising" tabIndex={-1}>
            Actions arising
          </h2>
          {meeting.actionsArising.length > 0 ? (
            <ul className="govuk-list">
              {meeting.actionsArising.map((arising) => (
                <li key={arising.id} className="govuk-!-margin-bottom-4">
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{arising.title}</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {[
                      arising.agendaItem ? `Item ${arising.agendaItem.number}` : null,
                      arising.ownerAgency?.name,
                      arising.dueOn ? `due ${formatCalendarDate(arising.dueOn)}` : null,
                      arising.priority ? `priority ${arising.priority.number}` : null,
                    ]
                      .filter(Boolean)
                      .join(", ")}
                  </p>
                  {arising.actionId ? (
                    <Link to={`/${slug}/actions/${arising.actionId}`} className="govuk-link">
                      In the delivery plan<span className="govuk-visually-hidden">{`: ${arising.title}`}</span>
                    </Link>
                  ) : (
                    <Form method="post" className="govuk-button-group">
                      <input type="hidden" name="arisingId" value={arising.id} />
                      <button type="submit" name="intent" value="to-plan" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                        Add to the delivery plan<span className="govuk-visually-hidden">{`: ${arising.title}`}</span>
                      </button>
                      <button type="submit" name="intent" value="remove-arising" className="govuk-button govuk-button--warning" data-module="govuk-button">
                        Remove<span className="govuk-visually-hidden">{` ${arising.title}`}</span>
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None recorded yet.</p>
          )}
          <h3 className="govuk-heading-s">Add an action arising</h3>
          <Form method="post" {...getFormProps(arisingForm)} noValidate>
            <input type="hidden" name="intent" value="add-arising" />
            <TextField field={arisingFields.title} label="Action" />
            <SelectField
              field={arisingFields.agendaItemId}
              label="Agenda item (optional)"
              placeholder="None"
              options={meeting.agendaItems.map((item) => ({ value: item.id, label: `${item.number}. ${item.title}` }))}
            />
            <SelectField
              field={arisingFields.priorityId}
              label="Priority it serves"
              hint="Needed to add it to the delivery plan"
              placeholder="None"
              options={priorities.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
            />
            <SelectField
              field={arisingFields.ownerAgencyId}
              label="Owning agency (optional)"
              placeholder="No agency"
              options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
            <DateField field={arisingFields.dueOn} label="Due date (optional)" hint="For example, 31 3 2027" />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Add action arising
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
