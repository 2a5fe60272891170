import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionDetailsForm } from "~/components/action-details-form";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { ActionDetailsSchema } from "~/modules/actions/action-schema";
import { createAction } from "~/modules/actions/actions.server";
import { listAgencyChoices } from "~/modules/agencies/agencies.server";
import { getPriority } from "~/modules/priorities/priorities.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Add an action - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const priority = await getPriority(actor, params.priorityId ?? "");
  invariantResponse(priority, "Priority not found");
  invariantResponse(priority.canAddAction, "You cannot add actions", 403);
  return {
    partnershipSlug: partnership.slug,
    priority: { id: priority.id, number: priority.number, title: priority.title },
    agencies: await listAgencyChoices(actor),
    ownAgencyId: actor.agencyId,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: ActionDetailsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createAction(actor, params.priorityId ?? "", submission.value, partnership);
  invariantResponse(result, "Priority not found");
  if (result.status !== "saved") {
    return data({ result: submission.reply({ fieldErrors: result.status === "invalid" ? result.fieldErrors : {} }) }, { status: 400 });
  }
  return redirect(`/${partnership.slug}/actions/${result.actionId}?saved=created`);
}

export default function NewAction() {
  const { partnershipSlug, priority, agencies, ownAgencyId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/priorities/${priority.id}`} className="govuk-back-link">
          {`Back to priority ${priority.number}`}
        </Link>
        <span className="govuk-caption-l">{`Priority ${priority.number}: ${priority.title}`}</span>
        <h1 className="govuk-heading-l">Add an action</h1>
        <ActionDetailsForm
          lastResult={actionData?.result}
          defaultValue={{ ownerAgencyId: ownAgencyId ?? undefined }}
          agencies={agencies}
          submitLabel="Add action"
        />
      </div>
    </div>
  );
}
