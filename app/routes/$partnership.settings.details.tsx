// Settings: the partnership's name, councils, police force area, financial year and
// the residents and households its rates are per.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, summariseErrors, TextareaField, TextField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { isSetupMode, SetupStepActions } from "~/components/setup-step";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { MONTH_OPTIONS } from "~/modules/configuration/fields";
import { PartnershipDetailsSchema } from "~/modules/configuration/partnership-schema";
import { getPartnershipDetails, savePartnershipDetails } from "~/modules/configuration/partnership.server";
import { financialYearLabel } from "~/utils/dates";
import { formatNumber } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Partnership details - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePartnershipMember(request, params.partnership);
  const url = new URL(request.url);
  return { setup: isSetupMode(request), saved: url.searchParams.get("saved") === "1", ...(await getPartnershipDetails(actor)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: PartnershipDetailsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await savePartnershipDetails(actor, submission.value);
  return redirect(`/${partnership.slug}/settings/details?saved=1${isSetupMode(request) ? "&setup=1" : ""}`);
}

export default function PartnershipDetails() {
  const { setup, saved, partnership, councils, currentYear, residents, households, populations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<Record<keyof typeof PartnershipDetailsSchema.shape, string>>({
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: {
      name: partnership.name,
      councils: councils.join("\n"),
      policeForceArea: partnership.policeForceArea ?? "",
      financialYearStartMonth: String(partnership.financialYearStartMonth),
      populationYear: String(currentYear),
      residents,
      households,
    },
  });
  const years = [currentYear - 2, currentYear - 1, currentYear, currentYear + 1];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={setup ? `/${partnership.slug}/setup` : `/${partnership.slug}/settings`} className="govuk-back-link">
          {setup ? "Back to set-up" : "Back to settings"}
        </Link>
        {saved ? <SuccessBanner heading="Details saved" /> : null}
        <ErrorSummary
          errors={summariseErrors(form, [
            fields.name,
            fields.councils,
            fields.policeForceArea,
            fields.financialYearStartMonth,
            fields.populationYear,
            fields.residents,
            fields.households,
          ])}
        />
        <h1 className="govuk-heading-l">Partnership details</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.name} label="Partnership name" />
          <TextareaField field={fields.councils} label="Council or councils it covers" hint="One per line" rows={3} />
          <TextField field={fields.policeForceArea} label="Police force area (optional)" hint="For example, Metropolitan Police or Cheshire" />
          <SelectField field={fields.financialYearStartMonth} label="Financial year starts in" options={MONTH_OPTIONS} />
          <h2 className="govuk-heading-m">Residents and households</h2>
          <p className="govuk-body">Rates per 1,000 residents or households are worked out from these numbers, year by year.</p>
          <SelectField
            field={fields.populationYear}
            label="Financial year"
            options={years.map((year) => ({ value: String(year), label: financialYearLabel(year) }))}
          />
          <TextField field={fields.residents} label="Residents" hint="A whole number, like 356000" className="govuk-input--width-10" />
          <TextField field={fields.households} label="Households" hint="A whole number, like 135000" className="govuk-input--width-10" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save details
          </button>
        </Form>
        {populations.some((p) => p.values.length > 0) ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Numbers recorded</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Year</th>
                {populations.map((p) => (
                  <th key={p.name} scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {p.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {[...new Set(populations.flatMap((p) => p.values.map((v) => v.financialYear)))]
                .sort((a, b) => b - a)
                .map((year) => (
                  <tr key={year} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">{financialYearLabel(year)}</th>
                    {populations.map((p) => (
                      <td key={p.name} className="govuk-table__cell govuk-table__cell--numeric">
                        {formatNumber(p.values.find((v) => v.financialYear === year)?.value.split(".")[0] ?? "") || "Not recorded"}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        ) : null}
        {setup ? <SetupStepActions slug={partnership.slug} task="details" /> : null}
      </div>
    </div>
  );
}
