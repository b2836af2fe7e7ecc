import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AcquisitionChannel, LifecycleStage, Segment } from '../../domain/enums.js';
import { PageArgs } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';

@InputType({ description: 'Narrows the customer list; every given condition must hold (AND). A list matches any of its values (OR).' })
export class CustomerFilter {
  @Field(() => [LifecycleStage], { nullable: true })
  lifecycleStages?: LifecycleStage[] | null;

  @Field(() => [Segment], { nullable: true })
  segments?: Segment[] | null;

  @Field(() => [ID], { nullable: true, description: 'Owning staff members.' })
  ownerIds?: string[] | null;

  @Field(() => [AcquisitionChannel], { nullable: true })
  acquisitionChannels?: AcquisitionChannel[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of name, email or company.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include archived customers (default false).' })
  includeArchived?: boolean | null;
}

export enum CustomerOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CustomerOrderField, { name: 'CustomerOrderField' });

@InputType()
export class CustomerOrder {
  @Field(() => CustomerOrderField)
  field!: CustomerOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Skip this many customers (for jumping to a page); cannot be combined with `after`.' })
  offset?: number | null;

  @Field(() => CustomerFilter, { nullable: true })
  filter?: CustomerFilter | null;

  @Field(() => CustomerOrder, { nullable: true, description: 'Default: by name, ascending. Ties are broken by id.' })
  orderBy?: CustomerOrder | null;
}
