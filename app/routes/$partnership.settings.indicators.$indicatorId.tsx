// Add an indicator (/settings/indicators/new, optionally ?library=NI 16 to start from
// the national library) or edit one, with its baselines and its targets per year.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxesField, DateField, ErrorSummary, RadiosField, SelectField, summariseErrors, TextareaField, TextField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { BaselineSchema, IndicatorSchema, TargetSchema } from "~/modules/configuration/indicators-settings-schema";
import { getIndicatorForm, saveIndicator } from "~/modules/configuration/indicators-settings.server";
import { saveBaseline, saveTarget } from "~/modules/configuration/targets.server";
import { findNationalIndicator } from "~/modules/indicators/national-indicators";
import { financialYearLabel } from "~/utils/dates";
import { formatIndicatorValue, UNIT_LABELS } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { DIRECTION_LABELS, FREQUENCY_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.indicator ? `Edit ${data.indicator.name}` : "Add an indicator"} - Settings - Safer Partnerships` },
];

const idOf = (param: string | undefined) => (param === "new" ? null : (param ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const form = await getIndicatorForm(actor, idOf(params.indicatorId));
  invariantResponse(form, "Indicator not found");
  const url = new URL(request.url);
  return {
    partnershipSlug: partnership.slug,
    setup: url.searchParams.has("setup"),
    saved: url.searchParams.get("saved"),
    library: form.indicator ? null : findNationalIndicator(url.searchParams.get("library")),
    ...form,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const formData = await request.formData();
  const indicatorId = idOf(params.indicatorId);
  const setup = new URL(request.url).searchParams.has("setup");
  const back = (id: string, saved: string) => `/${partnership.slug}/settings/indicators/${id}?saved=${saved}${setup ? "&setup=1" : ""}`;
  const intent = formData.get("intent");
  if ((intent === "baseline" || intent === "target") && indicatorId) {
    const submission = parseWithZod(formData, { schema: intent === "baseline" ? BaselineSchema : TargetSchema });
    if (submission.status !== "success") return data({ form: intent, result: submission.reply() }, { status: 400 });
    const result =
      intent === "baseline"
        ? await saveBaseline(actor, indicatorId, submission.value as never, partnership)
        : await saveTarget(actor, indicatorId, submission.value as never, partnership);
    invariantResponse(result, "Indicator not found");
    if (result.status === "invalid") return data({ form: intent, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    return redirect(back(indicatorId, intent));
  }
  const submission = parseWithZod(formData, { schema: IndicatorSchema });
  if (submission.status !== "success") return data({ form: "indicator", result: submission.reply() }, { status: 400 });
  const result = await saveIndicator(actor, indicatorId, submission.value);
  invariantResponse(result, "Indicator not found");
  if (result.status === "invalid") {
    return data({ form: "indicator", result: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }) }, { status: 400 });
  }
  return redirect(back(result.id, "indicator"));
}

const SAVED = { indicator: "Indicator saved", baseline: "Baseline saved", target: "Target saved" } as const;

export default function IndicatorSettingsForm() {
  const { partnershipSlug, setup, saved, library, indicator, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = (name: string) => (actionData?.form === name ? actionData.result : undefined);
  const [form, fields] = useForm({
    id: "indicator",
    lastResult: result("indicator"),
    defaultValue: indicator
      ? {
          ...Object.fromEntries(Object.entries(indicator).map(([k, v]) => [k, v ?? ""])),
          priorityIds: indicator.priorityIds,
        }
      : library
        ? {
            code: library.code,
            name: library.name,
            unit: library.unit,
            direction: library.direction,
            denominatorId: options.denominators.find((d) => d.kind === library.denominatorKind)?.id ?? "",
          }
        : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IndicatorSchema }),
  });
  const ordered = [
    fields.code,
    fields.name,
    fields.description,
    fields.unit,
    fields.denominatorId,
    fields.direction,
    fields.frequency,
    fields.source,
    fields.leadAgencyId,
    fields.ownerBoardId,
    fields.responsibleBoardId,
  ];
  const errors = [
    ...summariseErrors(form, ordered),
    ...(fields.priorityIds.errors ?? []).map((message) => ({ fieldId: fields.priorityIds.id, message })),
  ];
  const query = setup ? "?setup=1" : "";
  const boardOptions = options.boards.map((b) => ({ value: b.id, label: b.name }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/settings/indicators${query}`} className="govuk-back-link">
          Indicators
        </Link>
        <ErrorSummary errors={errors} />
        {saved && saved in SAVED && !actionData ? <SuccessBanner heading={SAVED[saved as keyof typeof SAVED]} /> : null}
        {indicator?.code ? <span className="govuk-caption-l">{indicator.code}</span> : null}
        <h1 className="govuk-heading-l">{indicator ? indicator.name : library ? `Add ${library.code}` : "Create a local indicator"}</h1>
        {library ? <p className="govuk-body">{`From the national indicator library, usually measured as a ${library.usualUnit}. Change anything that differs here.`}</p> : null}
        {indicator ? (
          <p className="govuk-body">
            <Link to={`/${partnershipSlug}/indicators/${indicator.id}`} className="govuk-link">
              View the indicator page
            </Link>
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="indicator" />
          {indicator ? <h2 className="govuk-heading-m">Details</h2> : null}
          <TextField field={fields.code} label="Code (optional)" hint="Like NI 16, or a local code" className="govuk-input--width-10" />
          <TextField field={fields.name} label="Name" />
          <TextareaField field={fields.description} label="Description (optional)" rows={3} />
          <RadiosField
            field={fields.unit}
            label="Unit"
            hint="A figure is entered as a number; the unit is chosen here"
            small
            options={Object.entries(UNIT_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <SelectField
            field={fields.denominatorId}
            label="Rate per (for rates)"
            hint="The population a rate is worked out from, with its value for each year"
            placeholder="Not a rate"
            options={options.denominators.map((d) => ({ value: d.id, label: d.name }))}
          />
          <RadiosField
            field={fields.direction}
            label="Better when"
            inline
            small
            options={Object.entries(DIRECTION_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <RadiosField field={fields.frequency} label="Reported" inline small options={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))} />
          <TextField field={fields.source} label="Source (optional)" hint="Like Metropolitan Police crime figures" />
          <SelectField field={fields.leadAgencyId} label="Lead agency (optional)" placeholder="No lead agency" options={options.agencies.map((a) => ({ value: a.id, label: a.name }))} />
          <SelectField field={fields.ownerBoardId} label="Owner board (optional)" placeholder="No board" options={boardOptions} />
          <SelectField field={fields.responsibleBoardId} label="Responsible board (optional)" placeholder="No board" options={boardOptions} />
          {options.priorities.length > 0 ? (
            <CheckboxesField
              field={fields.priorityIds}
              label="Priorities it measures (optional)"
              options={options.priorities.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
            />
          ) : null}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {indicator ? "Save indicator" : "Add indicator"}
          </button>
        </Form>
        {indicator ? <TargetsAndBaselines result={result} /> : null}
      </div>
    </div>
  );
}


function TargetsAndBaselines({ result }: { result: (name: string) => SubmissionResult<string[]> | undefined }) {
  const { indicator, options } = useLoaderData<typeof loader>();
  const [targetForm, target] = useForm({
    id: "target",
    lastResult: result("target"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TargetSchema }),
  });
  const [baselineForm, baseline] = useForm({
    id: "baseline",
    lastResult: result("baseline"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BaselineSchema }),
  });
  if (!indicator) return null;
  const value = (v: string | null) => (v === null ? null : formatIndicatorValue(v, indicator.unit, options.denominators.find((d) => d.id === indicator.denominatorId)?.name));
  const strategy = options.strategy;
  const years = strategy ? Array.from({ length: strategy.endYear - strategy.startYear + 1 }, (_, i) => strategy.startYear + i) : [];
  const baselineYears = strategy ? Array.from({ length: strategy.endYear - strategy.startYear + 6 }, (_, i) => strategy.startYear - 5 + i) : [];
  const targetErrors = summariseErrors(targetForm, [target.period, target.value, target.requiredDirection, target.note, target.reason, target.agreedBy, target.agreedOn]);
  const baselineErrors = summariseErrors(baselineForm, [baseline.period, baseline.value, baseline.count, baseline.note]);
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Targets</h2>
      {indicator.targets.length === 0 ? (
        <p className="govuk-body">No targets yet.</p>
      ) : (
        <ul className="govuk-list">
          {indicator.targets.map((t) => (
            <li key={t.id}>
              {`${t.period.label}: ${value(t.value) ?? (t.requiredDirection ? REQUIRED_DIRECTION_LABELS[t.requiredDirection] : "")}${t.note ? `. ${t.note}` : ""}${t._count.changes ? ` (changed ${t._count.changes} time${t._count.changes === 1 ? "" : "s"})` : ""}`}
            </li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(targetForm)} noValidate>
        <input type="hidden" name="intent" value="target" />
        <h3 className="govuk-heading-s">Set or change a target</h3>
        <ErrorSummary errors={targetErrors} />
        <SelectField
          field={target.period}
          label="Target year"
          hint={strategy ? `Targets are for the strategy's years, ${financialYearLabel(strategy.startYear)} to ${financialYearLabel(strategy.endYear)}. A year that has a target already is changed.` : "Set up the strategy first"}
          placeholder="Choose a year"
          options={years.map((y) => ({ value: String(y), label: financialYearLabel(y) }))}
        />
        <TextField field={target.value} label="Target value (optional if a direction is chosen)" hint={`A number only, in the indicator's unit (${UNIT_LABELS[indicator.unit].toLowerCase()})`} className="govuk-input--width-10" />
        <RadiosField
          field={target.requiredDirection}
          label="Required direction (optional)"
          hint="For a target that is only a direction, like a reduction on the baseline"
          inline
          small
          options={Object.entries(REQUIRED_DIRECTION_LABELS).map(([v, label]) => ({ value: v, label }))}
        />
        <TextField field={target.note} label="Note (optional)" hint="As the strategy words it, like 5% reduction on 2010/11" />
        <TextareaField field={target.reason} label="Reason for the change" hint="Needed when changing a target value already set" rows={2} />
        <TextField field={target.agreedBy} label="Agreed by (optional)" hint="Like Performance Management Group" />
        <DateField field={target.agreedOn} label="Agreed on (optional)" hint="For example, 27 3 2013" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Save target
        </button>
      </Form>

      <h2 className="govuk-heading-m govuk-!-margin-top-6">Baselines</h2>
      {indicator.baselines.length === 0 ? (
        <p className="govuk-body">No baseline yet.</p>
      ) : (
        <ul className="govuk-list">
          {indicator.baselines.map((b) => (
            <li key={b.id}>{`${b.period ? `${b.period.label}: ` : ""}${[b.count, value(b.value)].filter(Boolean).join(" ") || ""}${b.note ? ` ${b.note}` : ""}`}</li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(baselineForm)} noValidate>
        <input type="hidden" name="intent" value="baseline" />
        <h3 className="govuk-heading-s">Set or change a baseline</h3>
        <ErrorSummary errors={baselineErrors} />
        <SelectField field={baseline.period} label="Baseline year (optional)" placeholder="No year" options={baselineYears.map((y) => ({ value: String(y), label: financialYearLabel(y) }))} />
        <TextField field={baseline.value} label="Baseline value (optional)" hint="A number only, in the indicator's unit" className="govuk-input--width-10" />
        <TextField field={baseline.count} label="Count (optional)" hint="For a rate, the count it comes from" className="govuk-input--width-10" />
        <TextField field={baseline.note} label="Note (optional)" hint="Like To be established 2011/12" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Save baseline
        </button>
      </Form>
    </>
  );
}
