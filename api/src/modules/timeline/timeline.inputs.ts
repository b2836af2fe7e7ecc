import { ArgsType, Field } from 'type-graphql';
import { Channel, Team } from '../../domain/enums.js';
import { PageArgs } from '../../graphql/connection.js';
import { TimelineEventKind } from './timeline.type.js';

@ArgsType()
export class TimelineArgs extends PageArgs {
  @Field(() => [TimelineEventKind], { nullable: true, description: 'Only events of these kinds. Omit for every kind; an empty list matches nothing.' })
  kinds?: TimelineEventKind[] | null;

  @Field(() => [Channel], {
    nullable: true,
    description: 'Only events on these channels, so only interactions and survey responses (other events have no channel). Omit for every channel; an empty list matches nothing.',
  })
  channels?: Channel[] | null;

  @Field(() => [Team], {
    nullable: true,
    description:
      'Only events involving these teams: interactions and survey responses by their team, every step of a handoff by either its from or its to team; purchases have no team. Omit for every team; an empty list matches nothing.',
  })
  teams?: Team[] | null;

  @Field(() => Date, { nullable: true, description: 'Only events at or after this moment (inclusive).' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events before this moment (exclusive), so since/until ranges tile without overlap.' })
  until?: Date | null;
}
