// The strategy and its numbered priorities, for the partnership's managers: the
// strategy's title and years; each priority moved up or down (or all renumbered at
// once), archived, restored or deleted (only when nothing refers to it).
import { Fragment } from "react";
import { SetupStepActions } from "~/components/setup-step";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { PriorityChangeSchema, PriorityNumbersSchema, StrategySchema } from "~/modules/configuration/strategy-schema";
import { changePriority, getStrategySettings, renumberPriorities, saveStrategy } from "~/modules/configuration/strategy.server";
import { financialYearLabel } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Strategy and priorities - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const settings = await getStrategySettings(actor);
  const url = new URL(request.url);
  return { partnershipSlug: partnership.slug, ...settings, setup: url.searchParams.has("setup"), saved: url.searchParams.get("saved") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const formData = await request.formData();
  const setup = new URL(request.url).searchParams.has("setup");
  if (formData.get("intent") === "strategy") {
    const submission = parseWithZod(formData, { schema: StrategySchema });
    if (submission.status !== "success") return data({ strategy: submission.reply(), numbers: null, notice: null }, { status: 400 });
    await saveStrategy(actor, submission.value);
    if (submission.value.then === "setup") return redirect(`/${partnership.slug}/setup`);
    return redirect(`/${partnership.slug}/settings/strategy?saved=strategy${setup ? "&setup=1" : ""}`);
  }
  if (formData.get("intent") === "renumber") {
    const submission = parseWithZod(formData, { schema: PriorityNumbersSchema });
    if (submission.status !== "success") return data({ strategy: null, numbers: submission.reply(), notice: null }, { status: 400 });
    const result = await renumberPriorities(actor, submission.value);
    if (result.status === "invalid") {
      return data({ strategy: null, numbers: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), notice: null }, { status: 400 });
    }
    return redirect(`/${partnership.slug}/settings/strategy?saved=numbers${setup ? "&setup=1" : ""}`);
  }
  const submission = parseWithZod(formData, { schema: PriorityChangeSchema });
  invariantResponse(submission.status === "success", "Choose a priority and what to do with it", 400);
  const result = await changePriority(actor, submission.value);
  invariantResponse(result, "Priority not found");
  return data({ strategy: null, numbers: null, notice: result }, { status: result.status === "done" ? 200 : 400 });
}

export default function StrategySettings() {
  const { partnershipSlug, strategy, priorities, setup, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "strategy",
    lastResult: actionData?.strategy,
    defaultValue: strategy ? { title: strategy.title, startYear: String(strategy.startYear), endYear: String(strategy.endYear) } : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StrategySchema }),
  });
  // Checked on the server only: the range and the titles its messages name are there.
  // Conform reads defaultValue only when the form id changes, so the id follows the
  // numbering: after a move up or down the form starts again from the new numbers.
  const [numbersForm, numbersFields] = useForm({
    id: `numbers-${shortHash(priorities.map((p) => `${p.id}:${p.number}`).join(","))}`,
    lastResult: actionData?.numbers,
    defaultValue: { priorities: priorities.map((p) => ({ id: p.id, number: String(p.number) })) },
    shouldValidate: "onSubmit",
  });
  const numberRows = numbersFields.priorities.getFieldList().map((row) => row.getFieldset());
  const errors = [
    ...summariseErrors(form, [fields.title, fields.startYear, fields.endYear]),
    ...summariseErrors(numbersForm, numberRows.map((row) => row.number)),
  ];
  const notice = actionData?.notice;
  const query = setup ? "?setup=1" : "";
  const active = priorities.filter((p) => !p.archivedAt);
  const archived = priorities.filter((p) => p.archivedAt);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={setup ? `/${partnershipSlug}/setup` : `/${partnershipSlug}/settings`} className="govuk-back-link">
          {setup ? "Back to set-up" : "Settings"}
        </Link>
        <ErrorSummary errors={[...errors, ...(notice?.status === "refused" ? [{ fieldId: "priorities", message: notice.message }] : [])]} />
        {notice?.status === "done" ? <SuccessBanner heading={notice.message} /> : null}
        {saved && !actionData ? <SuccessBanner heading={saved in SAVED ? SAVED[saved as keyof typeof SAVED] : SAVED.strategy} /> : null}
        <h1 className="govuk-heading-l">Strategy and priorities</h1>

        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="strategy" />
          <TextField field={fields.title} label="Strategy title" hint="As the strategy document names it, like Community Safety Strategy 2011-2014" />
          <TextField field={fields.startYear} label="First financial year" hint="The year it starts in: 2011 for 2011/12" className="govuk-input--width-4" />
          <TextField field={fields.endYear} label="Last financial year" hint="The year it starts in: 2013 for 2013/14" className="govuk-input--width-4" />
          <div className="govuk-button-group">
            {setup ? (
              <button type="submit" name="then" value="setup" className="govuk-button" data-module="govuk-button">
                Save and continue
              </button>
            ) : null}
            <button type="submit" className={`govuk-button${setup ? " govuk-button--secondary" : ""}`} data-module="govuk-button">
              {strategy ? "Save strategy" : "Create strategy"}
            </button>
          </div>
        </Form>
      </div>

      <div className="govuk-grid-column-full">
        <h2 className="govuk-heading-m" id="priorities" tabIndex={-1}>
          Priorities
        </h2>
        {strategy ? (
          <>
            <p className="govuk-body">
              {`${strategy.title}, ${financialYearLabel(strategy.startYear)} to ${financialYearLabel(strategy.endYear)}. Moving or renumbering a priority changes its number only: its actions, indicators and history stay with it.`}
            </p>
            <Link to={`/${partnershipSlug}/settings/priorities/new${query}`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Add a priority
            </Link>
            <PriorityTable priorities={active} partnershipSlug={partnershipSlug} query={query} caption="Current priorities" />
            {archived.length > 0 ? <PriorityTable priorities={archived} partnershipSlug={partnershipSlug} query={query} caption="Archived priorities" /> : null}
            {priorities.length > 1 ? (
              <Form method="post" {...getFormProps(numbersForm)} noValidate className="govuk-!-margin-bottom-6">
                <input type="hidden" name="intent" value="renumber" />
                <div className="govuk-form-group">
                  <fieldset className="govuk-fieldset" aria-describedby="numbers-hint">
                    <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Set the numbers of all the priorities</legend>
                    <div id="numbers-hint" className="govuk-hint">
                      {`Type each priority's new number, from 1 to ${priorities.length}, each number once. Archived priorities keep a number too.`}
                    </div>
                    {numberRows.map((row, index) => {
                      const priority = priorities.find((p) => p.id === row.id.initialValue);
                      return (
                        // No wrapper: GOV.UK spaces sibling form groups, and drops the space of one last in its parent.
                        <Fragment key={row.id.initialValue ?? index}>
                          <input type="hidden" name={row.id.name} value={row.id.initialValue ?? ""} />
                          <TextField
                            field={row.number}
                            label={priority ? `${priority.title}${priority.archivedAt ? " (archived)" : ""}` : "A priority no longer in the strategy"}
                            hint={priority ? `Now ${priority.number}` : undefined}
                            className="govuk-input--width-2"
                          />
                        </Fragment>
                      );
                    })}
                  </fieldset>
                </div>
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Save numbers
                </button>
              </Form>
            ) : null}
          </>
        ) : (
          <p className="govuk-body">Create the strategy first, then add its priorities.</p>
        )}
        {setup ? <SetupStepActions slug={partnershipSlug} task="strategy" /> : null}
      </div>
    </div>
  );
}

function shortHash(text: string) {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

const SAVED = { strategy: "Strategy saved", priority: "Priority saved", numbers: "Priority numbers saved" } as const;

type PriorityRow = ReturnType<typeof useLoaderData<typeof loader>>["priorities"][number];

function PriorityTable({ priorities, partnershipSlug, query, caption }: { priorities: PriorityRow[]; partnershipSlug: string; query: string; caption: string }) {
  if (priorities.length === 0) return <p className="govuk-body">No priorities yet.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Number</th>
          <th scope="col" className="govuk-table__header">Priority</th>
          <th scope="col" className="govuk-table__header">Leads</th>
          <th scope="col" className="govuk-table__header">Change</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {priorities.map((priority, index) => {
          const name = `priority ${priority.number}`;
          const button = (intent: string, label: string, warning = false) => (
            <Form method="post" key={intent} className="govuk-!-display-inline-block govuk-!-margin-right-1">
              <input type="hidden" name="priorityId" value={priority.id} />
              <button
                type="submit"
                name="intent"
                value={intent}
                className={`govuk-button ${warning ? "govuk-button--warning" : "govuk-button--secondary"} govuk-!-margin-bottom-1`}
                data-module="govuk-button"
              >
                {label}
                <span className="govuk-visually-hidden">{` ${name}`}</span>
              </button>
            </Form>
          );
          return (
            <tr key={priority.id} className="govuk-table__row">
              <td className="govuk-table__cell">{priority.number}</td>
              <td className="govuk-table__cell">
                <Link to={`/${partnershipSlug}/settings/priorities/${priority.id}${query}`} className="govuk-link">
                  {priority.title}
                  <span className="govuk-visually-hidden">{` (edit ${name})`}</span>
                </Link>
                {priority.responsibleBoard ? <span className="govuk-body-s govuk-!-display-block">{priority.responsibleBoard.name}</span> : null}
              </td>
              <td className="govuk-table__cell">
                {priority.leads.map((lead) => [lead.person?.name, lead.agency?.name].filter(Boolean).join(", ")).join("; ") || "None"}
              </td>
              <td className="govuk-table__cell">
                {priority.archivedAt ? (
                  button("restore", "Restore")
                ) : (
                  <>
                    {index > 0 ? button("move-up", "Move up") : null}
                    {index < priorities.length - 1 ? button("move-down", "Move down") : null}
                    {button("archive", "Archive")}
                  </>
                )}
                {priority.canDelete ? button("delete", "Delete", true) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
