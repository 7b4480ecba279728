import { useCustomer } from "../api/customers";

/**
 * The customer's name for tabs and headers once the directory knows them; until then (or for ids the
 * directory does not hold) the id the channel gave. Shares the customer panel's query, so no extra request.
 */
export function useCustomerName(customerId: string | undefined, interactionId: string): string | undefined {
  const customer = useCustomer(customerId ?? null, interactionId);
  return customer.data?.fullName ?? customerId;
}
