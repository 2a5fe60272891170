// Settings: the partnership's boards and sub-boards.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BoardFields } from "~/components/board-fields";
import { ErrorSummary, summariseErrors } from "~/components/forms";
import { isSetupMode, SetupStepActions } from "~/components/setup-step";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { BoardSchema } from "~/modules/configuration/board-schema";
import { listBoardSettings, saveBoard } from "~/modules/configuration/boards.server";
import { BOARD_KIND_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "Boards - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { slug: partnership.slug, setup: isSetupMode(request), ...(await listBoardSettings(actor)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: BoardSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await saveBoard(actor, null, submission.value);
  if (result.status === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirect(`/${partnership.slug}/settings/boards/${result.id}${isSetupMode(request) ? "?setup=1" : ""}`);
}

type BoardForm = Record<"intent" | "name" | "shortName" | "kind" | "parentBoardId" | "description" | "reportsToParent", string>;

export default function BoardSettings() {
  const { slug, setup, boards, archived, parentChoices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<BoardForm>({ lastResult, shouldValidate: "onSubmit" });
  const errors = summariseErrors(form, [fields.name, fields.shortName, fields.kind, fields.parentBoardId, fields.description, fields.reportsToParent]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Link to={setup ? `/${slug}/setup` : `/${slug}/settings`} className="govuk-back-link">
          Back
        </Link>
        <h1 className="govuk-heading-l">Boards</h1>
        {boards.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Boards</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Board</th>
                <th scope="col" className="govuk-table__header">Reports to</th>
                <th scope="col" className="govuk-table__header">Members</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {boards.map((board) => (
                <tr key={board.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link to={`/${slug}/settings/boards/${board.id}${setup ? "?setup=1" : ""}`} className="govuk-link">
                      {board.name}
                    </Link>
                    <span className="govuk-hint govuk-!-margin-0">{BOARD_KIND_LABELS[board.kind]}</span>
                  </td>
                  <td className="govuk-table__cell">{board.parentBoard?.name ?? ""}</td>
                  <td className="govuk-table__cell">{board._count.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">The partnership has no boards yet.</p>
        )}
        <Form method="post" {...getFormProps(form)} noValidate>
          <h2 className="govuk-heading-m">Add a board</h2>
          <input type="hidden" name="intent" value="save" />
          <BoardFields fields={fields} parentChoices={parentChoices} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Add board
          </button>
        </Form>
        {archived.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Archived boards</h2>
            <ul className="govuk-list">
              {archived.map((board) => (
                <li key={board.id}>
                  <Link to={`/${slug}/settings/boards/${board.id}`} className="govuk-link">
                    {board.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {setup ? <SetupStepActions slug={slug} task="boards" /> : null}
      </div>
    </div>
  );
}
