import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionDetailsForm } from "~/components/action-details-form";
import { ConflictNotice } from "~/components/conflict";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { ActionDetailsSchema } from "~/modules/actions/action-schema";
import { editAction, getActionForUpdate } from "~/modules/actions/actions.server";
import { listAgencyChoices } from "~/modules/agencies/agencies.server";
import { dateInputValue } from "~/utils/form-schemas";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Edit action - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getActionForUpdate(actor, params.actionId ?? "");
  invariantResponse(found, "Action not found");
  return { partnershipSlug: partnership.slug, action: found, agencies: await listAgencyChoices(actor) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: ActionDetailsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await editAction(actor, params.actionId ?? "", submission.value);
  invariantResponse(result, "Action not found");
  if (result.status === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 });
  if (result.status === "conflict") return data({ result: submission.reply(), conflict: result }, { status: 409 });
  return redirect(`/${partnership.slug}/actions/${result.actionId}?saved=details`);
}

export default function EditAction() {
  const { partnershipSlug, action: item, agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict;
  const typed = actionData?.result.initialValue as Record<string, unknown> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/actions/${item.id}`} className="govuk-back-link">
          Back to the action
        </Link>
        <h1 className="govuk-heading-l">Edit action</h1>
        <ActionDetailsForm
          lastResult={actionData?.result}
          defaultValue={{
            title: item.title,
            description: item.description ?? undefined,
            ownerAgencyId: item.ownerAgencyId ?? undefined,
            ownerText: item.ownerText ?? undefined,
            originalDueOn: dateInputValue(item.originalDueOn),
          }}
          agencies={agencies}
          version={conflict?.current.version ?? item.version}
          submitLabel="Save action"
          above={
            conflict ? (
              <ConflictNotice
                thing="action"
                changedBy={conflict.changedBy}
                changedAt={conflict.changedAt}
                rows={[
                  { label: "Action", theirs: conflict.current.title, yours: String(typed?.title ?? "") },
                  { label: "More detail", theirs: conflict.current.description ?? "None", yours: String(typed?.description ?? "None") },
                ]}
              />
            ) : null
          }
        />
      </div>
    </div>
  );
}
