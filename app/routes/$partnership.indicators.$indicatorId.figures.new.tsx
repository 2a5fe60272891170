import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConflictNotice } from "~/components/conflict";
import { ErrorSummary, SelectField, summariseErrors, TextareaField, TextField } from "~/components/forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { COUNT_LABEL } from "~/modules/figures/figure-reading";
import { FigureEntrySchema } from "~/modules/figures/figure-schema";
import { enterFigure, getFigureEntryForm, POLICE_UK_SOURCE_MESSAGE } from "~/modules/figures/figures.server";
import { formatIndicatorValue } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Enter a figure - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const form = await getFigureEntryForm(actor, params.indicatorId ?? "", partnership);
  invariantResponse(form, "Indicator not found");
  // The message travels in the loader's data: a .server module's constants never reach the browser.
  const sourceMessage = form.indicator.figuresFrom === "POLICE_UK" ? POLICE_UK_SOURCE_MESSAGE : null;
  return { partnershipSlug: partnership.slug, ...form, sourceMessage, openedAt: new Date().toISOString() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: FigureEntrySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await enterFigure(actor, params.indicatorId ?? "", submission.value, partnership);
  invariantResponse(result, "Indicator not found");
  if (result.status === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 });
  if (result.status === "conflict") return data({ result: submission.reply(), conflict: result }, { status: 409 });
  return redirect(`/${partnership.slug}/indicators/${params.indicatorId}?saved=figure`);
}

export default function EnterFigure() {
  const { partnershipSlug, indicator, isRate, countsForRate, periods, sourceMessage, openedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict;
  const typed = actionData?.result.initialValue as Record<string, unknown> | undefined;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FigureEntrySchema }),
  });
  const show = (v: string) => formatIndicatorValue(v, indicator.unit, indicator.denominator?.name);
  const per = indicator.unit === "RATE_PER_100" ? "100" : indicator.unit === "RATE_PER_1000" ? "1,000" : "100,000";
  const unitHint =
    indicator.unit === "PERCENTAGE" ? "A percentage, for example 60 or 60%" : isRate ? `The rate per ${per}, for example 24.841` : "A number, for example 1,234 or 1234.5";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/indicators/${indicator.id}`} className="govuk-back-link">
          Back to the indicator
        </Link>
        <ErrorSummary errors={summariseErrors(form, [fields.period, fields.value, fields.count, fields.note])} />
        {conflict ? (
          <ConflictNotice
            thing={`figure for ${conflict.periodLabel}`}
            changedBy={conflict.changedBy}
            changedAt={conflict.changedAt}
            rows={
              countsForRate
                ? [{ label: COUNT_LABEL, theirs: conflict.current.count ?? "none", yours: String(typed?.count ?? "") }]
                : [{ label: "Figure", theirs: show(conflict.current.value), yours: String(typed?.value ?? "") }]
            }
          />
        ) : null}
        <span className="govuk-caption-l">{indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name}</span>
        <h1 className="govuk-heading-l">Enter a figure</h1>
        {sourceMessage ? (
          <div className="govuk-inset-text">{sourceMessage}.</div>
        ) : (
          <Form method="post" {...getFormProps(form)} noValidate>
            {/* After a conflict, saving again replaces their figure knowingly. */}
            <input type="hidden" name="openedAt" value={conflict ? new Date().toISOString() : openedAt} />
            <SelectField
              field={fields.period}
              label="Period"
              placeholder="Choose a period"
              hint="Periods that have started in this financial year and the last"
              options={periods.map((period) => ({
                value: period.key,
                label: period.existingValue === null ? period.label : `${period.label} (entered: ${show(period.existingValue)})`,
              }))}
            />
            {countsForRate && indicator.denominator ? (
              <TextField
                field={fields.count}
                label={COUNT_LABEL}
                hint={`A whole number, like 3362. The rate per ${per} ${indicator.denominator.name.toLowerCase()} is worked out from it and the number of ${indicator.denominator.name.toLowerCase()} for the period's year.`}
                className="govuk-input--width-10"
              />
            ) : (
              <TextField field={fields.value} label="Figure" hint={unitHint} className="govuk-input--width-10" />
            )}
            {isRate && !countsForRate ? (
              <TextField field={fields.count} label="Count (optional)" hint="The number of offences or people the rate is made from" className="govuk-input--width-10" />
            ) : null}
            <TextareaField field={fields.note} label="Note (optional)" rows={3} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save figure
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
