import { SurveyKind, Team } from '../../../domain/enums.js';

/** Free text for the demo data: churn reasons, personas, survey comments, handoff context. */

export const CONSUMER_CHURN_REASONS = [
  ['Price too high', 30], ['No longer needed', 25], ['Moved to competitor', 14],
  ['Poor support experience', 10], ['Product missing features', 10], ['Switched to a free alternative', 11],
] as const;

export const BUSINESS_CHURN_REASONS = [
  ['Moved to competitor', 24], ['Price too high', 18], ['Product missing features', 18], ['Poor support experience', 11],
  ['Business closed', 7], ['Budget cuts', 12], ['Champion left the company', 6], ['No longer needed', 4],
] as const;

export const CONSUMER_PERSONAS = ['Budget-conscious shopper', 'Power user', 'Casual user', 'Early adopter', 'Family organizer'] as const;
export const BUSINESS_PERSONAS = [
  'Economic buyer', 'Technical evaluator', 'Operations lead', 'Head of customer service', 'Executive sponsor', 'End-user champion',
] as const;

/** Job titles for the key contacts named in handoffs. */
export const CONTACT_TITLES = ['CEO', 'COO', 'Head of Operations', 'IT Manager', 'VP Customer Experience', 'Office Manager', 'Procurement Lead'] as const;

type Comments = Record<'good' | 'fair' | 'poor', readonly string[]>;

export const SURVEY_COMMENTS: Record<SurveyKind, Comments> = {
  [SurveyKind.CSAT]: {
    good: ['Quick and friendly help, thank you!', 'Solved on the first reply.', 'Great support as always.', 'The agent knew exactly what to do.'],
    fair: ['Fine, but it took a while.', 'Had to explain the issue twice.', 'Resolved eventually.'],
    poor: ['Waited two days for a reply.', 'Still not fixed.', 'I had to repeat my problem to three people.', 'The answer did not help.'],
  },
  [SurveyKind.NPS]: {
    good: ['Love having every customer conversation in one place.', 'Our team cannot work without it now.', 'Great product, great people.', 'Easy to recommend.'],
    fair: ['Good, but reporting could be better.', 'Does the job; pricing is a bit high.', 'Solid, a few integrations missing.'],
    poor: ['Too expensive for what we use.', 'Support has gone downhill.', 'Missing features we need.', 'We are looking at other tools.'],
  },
  [SurveyKind.CES]: {
    good: ['Very easy.', 'Took two minutes.', 'Straightforward.'],
    fair: ['Took some back and forth.', 'OK once I found the right page.'],
    poor: ['Too many steps.', 'Had to contact support twice.', 'Confusing process.'],
  },
};

export const SURVEY_COMMENTS_ZH: Record<'zh-Hans' | 'zh-Hant', Comments> = {
  'zh-Hans': { good: ['服务很好，谢谢！', '问题很快就解决了。', '非常满意。'], fair: ['还可以。', '一般，等得有点久。'], poor: ['等了很久才有回复。', '问题还没有解决。', '价格太贵了。'] },
  'zh-Hant': { good: ['服務很好，謝謝！', '問題很快就解決了。', '非常滿意。'], fair: ['還可以。', '普通，等得有點久。'], poor: ['等了很久才有回覆。', '問題還沒有解決。', '價格太貴了。'] },
};

/** [summary, customer goals, commitments made] per handoff route; may use {account} {first} {plan} {seats}. */
export const HANDOFF_CONTEXT: Record<string, readonly (readonly [string, string, string])[]> = {
  [`${Team.MARKETING}>${Team.SALES}`]: [
    ['Marketing-qualified lead: {first} downloaded the buyer’s guide and attended a webinar.', 'Replace spreadsheets with one view of every customer before next quarter.', 'Promised a call within one business day and a 14-day trial.'],
    ['Inbound demo request from {account} via the pricing page.', 'See how support and sales history come together on one screen.', 'Demo slot offered this week; pricing sheet already sent.'],
  ],
  [`${Team.SALES}>${Team.SUCCESS}`]: [
    ['Closed-won: {account} signed for {seats} seat(s) on the {plan} plan.', 'Go live within 30 days and halve the time to answer customers.', 'Dedicated onboarding call in week one, help with the data import, quarterly business reviews.'],
    ['New {plan} customer; the champion is {first}.', 'Consolidate three tools into one and report churn monthly to the board.', 'Custom dashboard set up during onboarding; executive check-in after 90 days.'],
  ],
  [`${Team.SALES}>${Team.SERVICE}`]: [
    ['New {plan} customer who needs hands-on setup help.', 'Be up and running within a week.', 'Priority support during the first month.'],
    ['{account} bought {seats} seat(s); import of the old contact list pending.', 'Import about 5,000 contacts without duplicates.', 'Help with the first import and a follow-up call after it.'],
  ],
  [`${Team.SERVICE}>${Team.SUCCESS}`]: [
    ['Escalation: repeated sync failures for {account}.', 'A stable integration with their e-commerce platform.', 'Engineering fix by the end of the month; weekly status updates to {first}.'],
    ['Frustrated customer after several tickets in a month.', 'Fewer manual workarounds for the support team.', 'A review call with success within a week.'],
  ],
  [`${Team.SUCCESS}>${Team.SALES}`]: [
    ['Expansion opportunity: {account} wants to add another team.', 'Roll out to the sales team as well as support.', 'Pricing for additional seats at the current per-seat rate.'],
    ['{first} asked about upgrading from the {plan} plan.', 'Advanced reporting and single sign-on for the whole company.', 'Quote within a week, including a migration plan.'],
  ],
  [`${Team.SERVICE}>${Team.SALES}`]: [
    ['Billing question turned into interest in an annual plan.', 'Lower cost through an annual commitment.', 'Annual pricing to be sent by sales.'],
  ],
  [`${Team.SUCCESS}>${Team.SERVICE}`]: [
    ['Technical issue found during a check-in with {first}.', 'Reports that match the finance team’s numbers.', 'Support ticket opened on their behalf; answer within one business day.'],
  ],
};

export const HANDOFF_RISKS = [
  'The champion is leaving the company next quarter.', 'Budget approval for year two still pending.',
  'Bad experience with a previous vendor’s onboarding.', 'A competitor offered a steep discount.',
  'Tight go-live deadline.', 'Low usage during the trial.', 'Several open support tickets.',
] as const;

export const HANDOFF_REJECTION_REASONS = [
  'Contract not signed yet: please resubmit after signature.', 'Customer goals and key contacts are missing.',
  'Wrong team: billing questions go to Service.', 'Duplicate of an existing handoff.',
  'Below the threshold for a dedicated success manager.',
] as const;
