import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Channel, JourneyStage, SurveyKind, Team } from '../../domain/enums.js';
import { Customer } from '../customers/customer.entity.js';
import { Interaction } from '../interactions/interaction.entity.js';

@Entity({ tableName: 'survey_response' })
@Index({ name: 'survey_response_customer_responded', properties: ['customer', 'respondedAt', 'id'] })
@Index({ name: 'survey_response_kind_responded', properties: ['kind', 'respondedAt'] })
// The metrics report's satisfaction family scans a period from this index alone.
@Index({
  name: 'survey_response_time_scores',
  expression: `create index "survey_response_time_scores" on "survey_response" ("responded_at") include ("kind", "score", "team", "channel", "journey_stage", "customer_id")`,
})
// The survey answers list ordered by score.
@Index({ name: 'survey_response_score_id', properties: ['score', 'id'] })
@Check({
  name: 'survey_response_score_in_range',
  expression: `(kind = 'CSAT' and score >= 1 and score <= 5) or (kind = 'NPS' and score >= 0 and score <= 10) or (kind = 'CES' and score >= 1 and score <= 7)`,
})
export class SurveyResponse extends BaseEntity<'comment' | 'team' | 'channel' | 'journeyStage' | 'interaction' | 'externalId'> {
  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @Enum({ items: () => SurveyKind, type: 'string' })
  kind!: SurveyKind;

  @Property({ type: 'smallint' })
  score!: number;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Enum({ items: () => Team, type: 'string', nullable: true })
  team: Team | null = null;

  @Enum({ items: () => Channel, type: 'string', nullable: true })
  channel: Channel | null = null;

  @Enum({ items: () => JourneyStage, type: 'string', nullable: true })
  journeyStage: JourneyStage | null = null;

  /** The interaction this answer followed, when known. */
  @ManyToOne({ entity: () => Interaction, nullable: true, index: true })
  interaction: Interaction | null = null;

  @Property({ type: 'datetime' })
  respondedAt!: Date;

  @Property({ type: 'string', length: 200, nullable: true })
  @Unique({ name: 'survey_response_external_id_unique' })
  externalId: string | null = null;
}
