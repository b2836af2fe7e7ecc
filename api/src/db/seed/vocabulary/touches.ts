import { Channel, Direction, JourneyStage, Team } from '../../../domain/enums.js';

/**
 * The kinds of touchpoint a demo customer has, by phase of its life. Subjects and summaries may
 * use {first} (contact's first name), {account} (company or person), {plan} and {seats}.
 */
export interface Touch {
  team: Team;
  stage: JourneyStage;
  direction: Direction;
  channels: readonly (readonly [Channel, number])[];
  lines: readonly (readonly [subject: string, summary: string])[];
}

const { EMAIL, PHONE, CHAT, SMS, WHATSAPP, FACEBOOK_MESSENGER, SOCIAL, IN_APP, IN_PERSON, WEBINAR } = Channel;
const { INBOUND, OUTBOUND } = Direction;

function touch(team: Team, stage: JourneyStage, direction: Direction, channels: Touch['channels'], lines: Touch['lines']): Touch {
  return { team, stage, direction, channels, lines };
}

export const NURTURE_EMAIL = touch(Team.MARKETING, JourneyStage.AWARENESS, OUTBOUND, [[EMAIL, 10], [SMS, 1], [WHATSAPP, 1]], [
  ['Your guide to a single view of the customer', 'Welcome nurture email with the getting-started guide; opened twice.'],
  ['Monthly newsletter: what is new', 'Monthly product newsletter delivered; clicked through to the pricing page.'],
  ['Invitation: live product tour', 'Invited to the live product tour; registered the same day.'],
  ['Case study: how a retailer halved response times', 'Sent the retail case study; {first} forwarded it to a colleague.'],
]);

export const MARKETING_WEBINAR = touch(Team.MARKETING, JourneyStage.AWARENESS, OUTBOUND, [[WEBINAR, 8], [IN_PERSON, 1]], [
  ['Webinar: building a single view of the customer', 'Attended the webinar and asked a question about integrations.'],
  ['Webinar: reducing churn with health scores', 'Watched most of the session; downloaded the slides afterwards.'],
  ['Meetup: customer experience roundtable', 'Met {first} at the roundtable; interested in survey automation.'],
]);

export const SOCIAL_INQUIRY = touch(Team.MARKETING, JourneyStage.AWARENESS, INBOUND, [[SOCIAL, 5], [FACEBOOK_MESSENGER, 4], [WHATSAPP, 1]], [
  ['Question on our LinkedIn post', '{first} asked whether reports support several currencies.'],
  ['Message via our Facebook page', 'Asked about pricing for small teams; pointed to the pricing page.'],
  ['Comment on the launch announcement', 'Asked when the mobile app will support offline mode.'],
]);

export const WEBSITE_INQUIRY = touch(Team.MARKETING, JourneyStage.CONSIDERATION, INBOUND, [[CHAT, 6], [EMAIL, 3], [FACEBOOK_MESSENGER, 1]], [
  ['Downloaded the CRM buyer’s guide', 'Requested the buyer’s guide from the website; asked for a follow-up call.'],
  ['Pricing question on website chat', '{first} asked how seats are billed and whether annual plans are discounted.'],
  ['Trial extension request', 'Asked for a longer trial to finish evaluating with the team.'],
]);

export const SALES_OUTREACH = touch(Team.SALES, JourneyStage.CONSIDERATION, OUTBOUND, [[PHONE, 5], [EMAIL, 5], [IN_PERSON, 1]], [
  ['Discovery call', 'Discovery call with {first}: current tools, team size and scattered customer history.'],
  ['Follow-up after our call', 'Sent the discovery recap and proposed a demo with the wider team.'],
  ['Introduction', 'Outbound introduction referencing {account}’s recent growth.'],
  ['Checking in on your evaluation', 'Asked how the trial is going; {first} wants to see reporting in action.'],
]);

export const SALES_INQUIRY = touch(Team.SALES, JourneyStage.CONSIDERATION, INBOUND, [[EMAIL, 5], [CHAT, 3], [PHONE, 3]], [
  ['Request for a demo', '{first} asked for a demo of the {plan} plan.'],
  ['Security questionnaire', 'Received a security questionnaire from {account}; routed to the security team.'],
  ['Comparison with our current tool', 'Asked for a comparison with the tool they use today.'],
]);

export const SALES_CLOSING = touch(Team.SALES, JourneyStage.PURCHASE, OUTBOUND, [[EMAIL, 5], [PHONE, 4], [IN_PERSON, 2]], [
  ['Proposal for {account}', 'Sent a proposal for {seats} seat(s) on the {plan} plan.'],
  ['Contract review meeting', 'Walked {first} through the contract terms and the order form.'],
  ['Demo of the {plan} plan', 'Live demo of the timeline, surveys and handoffs; strong interest in reporting.'],
]);

export const BUYER_QUESTIONS = touch(Team.SALES, JourneyStage.PURCHASE, INBOUND, [[EMAIL, 6], [PHONE, 3], [CHAT, 2]], [
  ['Questions about the order form', 'Asked to change the billing contact and move payment terms to net 30.'],
  ['Ready to move forward', '{first} confirmed {account} wants to start with {seats} seat(s).'],
  ['Discount for an annual commitment?', 'Asked whether paying annually upfront lowers the price.'],
]);

export const ONBOARDING_KICKOFF = touch(Team.SUCCESS, JourneyStage.ONBOARDING, OUTBOUND, [[PHONE, 5], [EMAIL, 4], [IN_PERSON, 1], [WEBINAR, 1]], [
  ['Onboarding kickoff', 'Kickoff with {first}: agreed goals, a go-live date and success criteria.'],
  ['Welcome to {plan}', 'Sent the onboarding plan and the training links.'],
  ['Data import check-in', 'Checked progress on importing contacts; first import completed.'],
  ['Admin training session', 'Admin training covering roles, permissions and custom fields.'],
]);

export const SETUP_HELP = touch(Team.SERVICE, JourneyStage.ONBOARDING, INBOUND, [[CHAT, 5], [EMAIL, 4], [PHONE, 2], [IN_APP, 3]], [
  ['Help importing contacts', 'CSV import failed on date formats; explained the expected format.'],
  ['Single sign-on setup', 'Guided the admin through SAML single sign-on setup.'],
  ['How do I invite my team?', 'Explained seat invitations and roles.'],
  ['Connecting our help desk', 'Walked through the help-desk integration settings.'],
]);

export const SUPPORT_REQUEST = touch(Team.SERVICE, JourneyStage.SUPPORT, INBOUND,
  [[EMAIL, 30], [CHAT, 30], [PHONE, 18], [IN_APP, 10], [WHATSAPP, 4], [SMS, 3], [FACEBOOK_MESSENGER, 2], [SOCIAL, 2]], [
  ['Cannot log in after password reset', 'Reset link expired; issued a new one and confirmed access.'],
  ['Invoice shows the wrong amount', 'Invoice missed the prorated credit; billing corrected it.'],
  ['Export to CSV times out', 'Large export timed out; suggested filtering by date and logged a bug.'],
  ['Integration stopped syncing', 'Sync stopped after a token expired; reconnected the integration.'],
  ['Notification emails not arriving', 'Emails were caught by the spam filter; shared the allow-list settings.'],
  ['Report totals look wrong', 'Totals excluded archived customers by design; explained the filter.'],
  ['Mobile app crashes on launch', 'Crash fixed in the latest release; asked {first} to update.'],
  ['Duplicate contacts after import', 'Ran the merge tool on the duplicates with {first}.'],
  ['Change of billing address', 'Updated the billing address for {account}.'],
  ['Question about user permissions', 'Explained how managers can see their team’s customers.'],
]);

export const SUPPORT_FOLLOW_UP = touch(Team.SERVICE, JourneyStage.SUPPORT, OUTBOUND, [[EMAIL, 6], [PHONE, 3], [SMS, 1]], [
  ['Follow-up on your ticket', 'Confirmed the fix is live and asked {first} to retest.'],
  ['Scheduled maintenance notice', 'Notified {account} of the scheduled maintenance window.'],
]);

export const SUCCESS_CHECK_IN = touch(Team.SUCCESS, JourneyStage.ADOPTION, OUTBOUND, [[PHONE, 5], [EMAIL, 4], [IN_APP, 2], [IN_PERSON, 1]], [
  ['Quarterly business review', 'QBR with {first}: usage is up; agreed to roll out dashboards next.'],
  ['Check-in call', 'Routine check-in: the team uses the timeline daily, reports less so.'],
  ['Tip: saved views and scheduled reports', 'Shared tips on saved views and scheduled reports.'],
  ['Usage review', 'Only half of the {seats} seat(s) are active; planned a refresher session.'],
]);

export const SUCCESS_QUESTION = touch(Team.SUCCESS, JourneyStage.ADOPTION, INBOUND, [[EMAIL, 5], [CHAT, 3], [IN_APP, 3]], [
  ['Best practice for lifecycle stages', 'Asked how others structure lifecycle stages; shared the playbook.'],
  ['Training for new hires', 'Requested a training session for new team members.'],
  ['Setting up health score alerts', 'Helped {first} configure alerts for at-risk accounts.'],
]);

export const EXPANSION_TALK = touch(Team.SALES, JourneyStage.ADOPTION, OUTBOUND, [[PHONE, 5], [EMAIL, 4], [IN_PERSON, 1]], [
  ['More seats for the new team?', 'Discussed adding seats for {account}’s new support team.'],
  ['Upgrade options', 'Presented the features of the next plan up to {first}.'],
]);

export const ADVOCACY_ASK = touch(Team.MARKETING, JourneyStage.ADVOCACY, OUTBOUND, [[EMAIL, 6], [WEBINAR, 2], [SOCIAL, 1]], [
  ['Join our customer advisory board', 'Invited {first} to the customer advisory board.'],
  ['Would you write a review?', 'Asked for a review after a positive survey answer.'],
  ['Customer webinar: roadmap preview', 'Invited to the roadmap preview for customers.'],
]);

export const ADVOCACY_SHOUT_OUT = touch(Team.MARKETING, JourneyStage.ADVOCACY, INBOUND, [[SOCIAL, 6], [FACEBOOK_MESSENGER, 1]], [
  ['Shout-out on social media', '{first} recommended us in a public post; thanked them.'],
  ['Referral of a colleague', '{first} introduced a colleague at another company.'],
]);

export const RENEWAL_OUTREACH = touch(Team.SUCCESS, JourneyStage.RENEWAL, OUTBOUND, [[EMAIL, 5], [PHONE, 4], [IN_PERSON, 1]], [
  ['Your renewal is coming up', 'Renewal reminder sent sixty days before the end of the term.'],
  ['Renewal planning call', 'Reviewed the value delivered and the renewal options with {first}.'],
]);

export const RENEWAL_QUESTION = touch(Team.SALES, JourneyStage.RENEWAL, INBOUND, [[EMAIL, 6], [PHONE, 2]], [
  ['Question about renewal pricing', 'Asked whether the renewal price includes the seats added this year.'],
  ['Multi-year option?', '{first} asked about a two-year term at a fixed price.'],
]);

export const CANCELLATION_REQUEST = touch(Team.SERVICE, JourneyStage.RENEWAL, INBOUND, [[EMAIL, 5], [PHONE, 3], [CHAT, 2], [IN_APP, 1]], [
  ['Request to cancel the subscription', '{first} asked to cancel; recorded the reason and made a retention offer.'],
  ['Please do not renew', 'Asked us not to renew {account}’s subscription at the end of the term.'],
]);

export const SAVE_ATTEMPT = touch(Team.SUCCESS, JourneyStage.RENEWAL, OUTBOUND, [[PHONE, 6], [EMAIL, 3]], [
  ['Before you go', 'Save call: offered a discount and extra training; {first} declined.'],
]);

export const WIN_BACK = touch(Team.MARKETING, JourneyStage.AWARENESS, OUTBOUND, [[EMAIL, 8], [SMS, 1], [PHONE, 1]], [
  ['We would love to have you back', 'Win-back email with a discount on the first three months.'],
  ['What we changed since you left', 'Shared the improvements to reporting and support response times.'],
]);
