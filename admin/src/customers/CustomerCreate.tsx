import { Create, SimpleForm } from 'react-admin';
import { CustomerProfileInputs, CustomerStageInputs } from './CustomerInputs';

const NEW_CUSTOMER = { kind: 'PERSON', lifecycleStage: 'LEAD', locale: 'en', tags: [] };

/**
 * A new customer through customerCreate; the API's userErrors appear on their inputs. Opens the
 * new customer's 360 page.
 */
export const CustomerCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={NEW_CUSTOMER} noValidate sx={{ maxWidth: 960 }}>
      <CustomerProfileInputs />
      <CustomerStageInputs />
    </SimpleForm>
  </Create>
);
