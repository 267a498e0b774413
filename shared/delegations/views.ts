export interface DelegationView {
  id: number;
  userId: number;
  userName: string;
  delegateUserId: number;
  delegateName: string;
  fromDate: string;
  toDate: string;
  revoked: boolean;
}
