// Settings: the partnership's boards and sub-boards.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BoardFields } from "~/components/board-fields";
import { summariseErrors } from "~/components/forms";
import { SettingsForm, SettingsList } from "~/components/settings-list";
import { isSetupMode } from "~/components/setup-step";
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
    <SettingsList
      slug={slug}
      setup={setup}
      section="boards"
      errors={errors}
      title="Boards"
      caption="Boards"
      columns={[
        {
          header: "Board",
          cell: (board) => (
            <>
              <Link to={`/${slug}/settings/boards/${board.id}${setup ? "?setup=1" : ""}`} className="govuk-link">
                {board.name}
              </Link>
              <span className="govuk-hint govuk-!-margin-0">{BOARD_KIND_LABELS[board.kind]}</span>
            </>
          ),
        },
        { header: "Reports to", cell: (board) => board.parentBoard?.name ?? "" },
        { header: "Members", cell: (board) => board._count.members },
      ]}
      items={boards}
      empty="The partnership has no boards yet."
      archivedHeading="Archived boards"
      archived={archived}
    >
      <SettingsForm form={form} intent="save" heading="Add a board" submit="Add board" secondary>
        <BoardFields fields={fields} parentChoices={parentChoices} />
      </SettingsForm>
    </SettingsList>
  );
}
