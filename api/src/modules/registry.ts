import { Customer } from './customers/customer.entity.js';
import { Interaction } from './interactions/interaction.entity.js';
import { Purchase } from './purchases/purchase.entity.js';
import { SurveyResponse } from './surveys/survey-response.entity.js';
import { Handoff } from './handoffs/handoff.entity.js';
import { StaffUser } from './staff/staff-user.entity.js';
import { AcquisitionSpend } from './acquisition/acquisition-spend.entity.js';

/** The one list of every domain module's entities and resolvers. */
export const entities = [Customer, Interaction, Purchase, SurveyResponse, Handoff, StaffUser, AcquisitionSpend];
