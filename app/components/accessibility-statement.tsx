// The statement's words live here, beside the page they describe; its dates change
// when the page is tested again.
import { Fragment } from "react";

/** When this statement was prepared, and when the page was last tested. */
export const STATEMENT_PREPARED_ON = "30 November 2026";
export const LAST_TESTED_ON = "30 November 2026";

export function AccessibilityStatement(props: { slug: string; partnershipName: string; contact: string | null }) {
  const page = `/p/${props.slug}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={page} className="govuk-back-link">
          Back to {props.partnershipName}
        </a>
        <h1 className="govuk-heading-xl">Accessibility statement for {props.partnershipName}&apos;s public page</h1>
        <p className="govuk-body">
          This statement applies to the page at <a className="govuk-link" href={page}>{page}</a>, this statement, and the open data files the page links to.
        </p>
        <p className="govuk-body">
          {props.partnershipName} wants as many people as possible to be able to use this page. For example, that means you should be able to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>read it on a mobile phone</li>
          <li>navigate it using just a keyboard</li>
          <li>use it with JavaScript turned off</li>
          <li>listen to it using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)</li>
        </ul>
        <p className="govuk-body">Every chart is followed by a table of the same figures, and ratings are always written in words as well as shown in colour.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="https://mcmw.abilitynet.org.uk/">
            AbilityNet has advice on making your device easier to use
          </a>{" "}
          if you have a disability.
        </p>

        <h2 className="govuk-heading-l">How accessible this page is</h2>
        <p className="govuk-body">We know some parts of this page are not fully accessible:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the names of measures, their targets and the contact details are written by the partnership, and may use abbreviations such as &quot;NI 16&quot; without explaining them</li>
          <li>the open data files (CSV and JSON) are for use in spreadsheets and other software, and are not formatted for reading with a screen reader</li>
        </ul>

        <h2 className="govuk-heading-l">Feedback and contact information</h2>
        <p className="govuk-body">If you need any part of this page in a different format, such as large print, easy read, audio recording or braille, contact us:</p>
        <ContactDetails partnershipName={props.partnershipName} contact={props.contact} />
        <p className="govuk-body">We will consider your request and get back to you within 10 working days.</p>

        <h2 className="govuk-heading-l">Reporting accessibility problems with this page</h2>
        <p className="govuk-body">
          We are always looking to improve the accessibility of this page. If you find any problems not listed on this page, or think we are not meeting accessibility
          requirements, contact us using the details above.
        </p>

        <h2 className="govuk-heading-l">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
          Regulations 2018 (the &quot;accessibility regulations&quot;). If you are not happy with how we respond to your complaint,{" "}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>
        <p className="govuk-body">
          If you are in Northern Ireland and are not happy with how we respond to your complaint, you can contact the{" "}
          <a className="govuk-link" href="https://www.equalityni.org/Home">
            Equality Commission for Northern Ireland (ECNI)
          </a>
          , which is responsible for enforcing the accessibility regulations there.
        </p>

        <h2 className="govuk-heading-l">Technical information about this page&apos;s accessibility</h2>
        <p className="govuk-body">
          {props.partnershipName} is committed to making this page accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
          Accessibility Regulations 2018.
        </p>
        <h3 className="govuk-heading-m">Compliance status</h3>
        <p className="govuk-body">
          This page is partially compliant with the{" "}
          <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines version 2.2
          </a>{" "}
          AA standard: it has not yet been audited by an independent specialist, so we cannot yet say it is fully compliant.
        </p>

        <h3 className="govuk-heading-m">Non-accessible content</h3>
        <h4 className="govuk-heading-s">Non-compliance with the accessibility regulations</h4>
        <p className="govuk-body">
          Our own testing found no content on this page that fails the WCAG 2.2 AA standard. If you find any, please tell us using the contact details above. Text the
          partnership writes (measure names, target notes and contact details) may use abbreviations without explaining them; this is not an AA requirement, but we
          ask the partnership to write in plain English.
        </p>
        <h4 className="govuk-heading-s">Content that is not within the scope of the accessibility regulations</h4>
        <p className="govuk-body">
          The open data files (CSV and JSON) are data for reuse in other software, not documents for reading. Every figure in them is also on this page, in tables.
        </p>
        <h4 className="govuk-heading-s">Disproportionate burden</h4>
        <p className="govuk-body">We are not claiming that any part of this page is a disproportionate burden.</p>

        <h2 className="govuk-heading-l">What we are doing to improve accessibility</h2>
        <p className="govuk-body">We test this page with automated accessibility checks each time it changes, and by hand with a keyboard, at phone sizes and with JavaScript off.</p>

        <h2 className="govuk-heading-l">Preparation of this accessibility statement</h2>
        <p className="govuk-body">
          This statement was prepared on {STATEMENT_PREPARED_ON}. It was last reviewed on {LAST_TESTED_ON}.
        </p>
        <p className="govuk-body">
          This page was last tested on {LAST_TESTED_ON} against the WCAG 2.2 AA standard. The test was carried out by the team that builds the service, using
          automated checks (axe) and manual checks with a keyboard, at a 375 pixel wide phone screen and with JavaScript turned off.
        </p>
      </div>
    </div>
  );
}

function ContactDetails({ partnershipName, contact }: { partnershipName: string; contact: string | null }) {
  if (!contact) {
    return <p className="govuk-body">Contact {partnershipName} through your local council, which will pass your request on.</p>;
  }
  return (
    <div className="govuk-inset-text">
      {contact.split(/\n/).map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line.trim()}
        </Fragment>
      ))}
    </div>
  );
}
