// Settings: change one board, its chair and members; archive or delete it.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BoardFields } from "~/components/board-fields";
import { CheckboxesField, SelectField, summariseErrors, TextField } from "~/components/forms";
import { SettingsForm, SettingsItem } from "~/components/settings-list";
import { isSetupMode } from "~/components/setup-step";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { BOARD_ROLES, BoardMemberSchema, BoardSchema } from "~/modules/configuration/board-schema";
import { addBoardMember, deleteBoard, getBoardForEdit, removeBoardMember, saveBoard, setBoardArchived } from "~/modules/configuration/boards.server";
import { BoardDigestSettingsSchema } from "~/modules/digest/digest-settings-schema";
import { getBoardDigestSettings, saveBoardDigestSettings } from "~/modules/digest/digest-settings.server";
import { handleArchiveIntent } from "~/utils/archive-intent.server";
import { notFound } from "~/utils/http";
import { BOARD_ROLE_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "Change a board - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getBoardForEdit(actor, params.boardId ?? "");
  if (!found) throw notFound();
  const digest = await getBoardDigestSettings(actor, params.boardId ?? "");
  if (!digest) throw notFound();
  return { slug: partnership.slug, setup: isSetupMode(request), ...found, digest };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const boardId = params.boardId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const setup = isSetupMode(request) ? "?setup=1" : "";
  const here = `/${partnership.slug}/settings/boards/${boardId}${setup}`;
  const list = `/${partnership.slug}/settings/boards${setup}`;
  const archiving = await handleArchiveIntent(formData, { actor, id: boardId, done: list }, { setArchived: setBoardArchived, remove: deleteBoard });
  if (archiving) return archiving;
  if (intent === "remove-member") {
    await removeBoardMember(actor, boardId, String(formData.get("boardMemberId") ?? ""));
    return redirect(here);
  }
  if (intent === "digest") {
    const submission = parseWithZod(formData, { schema: BoardDigestSettingsSchema });
    if (submission.status !== "success") return data({ form: "digest" as const, result: submission.reply(), refused: null }, { status: 400 });
    if (!(await saveBoardDigestSettings(actor, boardId, submission.value))) throw notFound();
    return redirect(here);
  }
  if (intent === "add-member") {
    const submission = parseWithZod(formData, { schema: BoardMemberSchema });
    if (submission.status !== "success") return data({ form: "member" as const, result: submission.reply(), refused: null }, { status: 400 });
    const result = await addBoardMember(actor, boardId, submission.value);
    if (result.status === "invalid") {
      return data({ form: "member" as const, result: submission.reply({ fieldErrors: result.fieldErrors }), refused: null }, { status: 400 });
    }
    return redirect(here);
  }
  const submission = parseWithZod(formData, { schema: BoardSchema });
  if (submission.status !== "success") return data({ form: "board" as const, result: submission.reply(), refused: null }, { status: 400 });
  const result = await saveBoard(actor, boardId, submission.value);
  if (result.status === "invalid") {
    return data({ form: "board" as const, result: submission.reply({ fieldErrors: result.fieldErrors }), refused: null }, { status: 400 });
  }
  return redirect(list);
}

export default function EditBoard() {
  const { slug, setup, board, members, parentChoices, personChoices, digest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<"intent" | "name" | "shortName" | "kind" | "parentBoardId" | "description" | "reportsToParent", string>>({
    id: "board",
    lastResult: actionData?.form === "board" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: {
      name: board.name,
      shortName: board.shortName ?? "",
      kind: board.kind,
      parentBoardId: board.parentBoardId ?? "",
      description: board.description ?? "",
      reportsToParent: board.reportsToParent ?? "",
    },
  });
  const [memberForm, memberFields] = useForm<Record<"intent" | "personId" | "role", string>>({
    id: "member",
    lastResult: actionData?.form === "member" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { role: members.some((m) => m.role === "CHAIR") ? "MEMBER" : "CHAIR" },
  });
  const [digestForm, digestFields] = useForm<{ intent: string; digestDaysBefore: string; reminderDaysBefore: string; digestNeedsApproval: string[] }>({
    id: "digest",
    lastResult: actionData?.form === "digest" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { digestDaysBefore: String(digest.digestDaysBefore), reminderDaysBefore: String(digest.reminderDaysBefore), digestNeedsApproval: digest.digestNeedsApproval ? ["yes"] : [] },
  });
  return (
    <SettingsItem
      slug={slug}
      setup={setup}
      section="boards"
      noun="board"
      errors={[
        ...summariseErrors(form, [fields.name, fields.shortName, fields.kind, fields.parentBoardId, fields.reportsToParent, fields.description]),
        ...summariseErrors(memberForm, [memberFields.personId, memberFields.role]),
        ...summariseErrors(digestForm, [digestFields.digestDaysBefore, digestFields.reminderDaysBefore, digestFields.digestNeedsApproval]),
      ]}
      title={board.name}
      archived={Boolean(board.archivedAt)}
      archivedNotice="This board is archived: it is not offered in any list."
      deleteHint="A board with sub-boards, meetings, priorities or indicators cannot be deleted: archive it instead."
      refused={actionData?.refused}
    >
      <h2 className="govuk-heading-m">Chair and members</h2>
      {members.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Chair and members</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Role</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {members.map((member) => (
              <tr key={member.id} className="govuk-table__row">
                <td className="govuk-table__cell">{member.person.name}</td>
                <td className="govuk-table__cell">{BOARD_ROLE_LABELS[member.role]}</td>
                <td className="govuk-table__cell">
                  <Form method="post">
                    <input type="hidden" name="boardMemberId" value={member.id} />
                    <button type="submit" name="intent" value="remove-member" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                      Remove<span className="govuk-visually-hidden">{` ${member.person.name}`}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">No one has been added to this board yet.</p>
      )}
      {personChoices.length > 0 ? (
        <SettingsForm form={memberForm} intent="add-member" submit="Add to board" secondary>
          <SelectField field={memberFields.personId} label="Person" options={personChoices.map((p) => ({ value: p.id, label: p.name }))} placeholder="Choose a person" />
          <SelectField field={memberFields.role} label="Role on the board" options={BOARD_ROLES.map((role) => ({ value: role, label: BOARD_ROLE_LABELS[role] }))} />
        </SettingsForm>
      ) : (
        <p className="govuk-body">
          <Link to={`/${slug}/settings/people`} className="govuk-link">
            Add named people
          </Link>{" "}
          to put them on this board.
        </p>
      )}

      <SettingsForm form={form} intent="save" heading="About the board" submit="Save board">
        <BoardFields fields={fields} parentChoices={parentChoices} />
      </SettingsForm>

      <div id="briefing-settings">
        <SettingsForm form={digestForm} intent="digest" heading="Briefing e-mail before each meeting" submit="Save briefing settings" secondary>
          <TextField
            field={digestFields.digestDaysBefore}
            label="Days before the meeting"
            hint="Every member with an e-mail address gets the briefing this many days before each meeting. Usually 5."
            className="govuk-input--width-3"
          />
          <TextField
            field={digestFields.reminderDaysBefore}
            label="Reminder to lead officers, days before the briefing"
            hint="Lead officers whose priorities, actions or indicators have not been updated since the last meeting are reminded this many days before the briefing goes. Usually 3."
            className="govuk-input--width-3"
          />
          <CheckboxesField
            field={digestFields.digestNeedsApproval}
            label="Approval"
            options={[{ value: "yes", label: "A manager approves each briefing before it goes", hint: "Nothing is sent until a manager approves it on the meeting's briefing page." }]}
          />
        </SettingsForm>
      </div>
    </SettingsItem>
  );
}
