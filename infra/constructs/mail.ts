import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/** The address and domain of a From header value; SES authorises sending per verified identity. */
export function mailIdentity(mailFrom: string): { address: string; domain: string } {
  const address = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  const match = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(address);
  if (!match?.[1]) throw new Error(`mailFrom must be an e-mail address, got "${mailFrom}"`);
  return { address, domain: match[1].toLowerCase() };
}

/**
 * Lets a function's role send mail from exactly this sender: SendEmail on the address's and its
 * domain's SES identities (either may be the verified one), conditioned on the From address.
 */
export function grantSendMail(role: iam.IRole, mailFrom: string): void {
  const { address, domain } = mailIdentity(mailFrom);
  const stack = Stack.of(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [domain, address].map((name) =>
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name }),
      ),
      conditions: { StringEquals: { 'ses:FromAddress': address } },
    }),
  );
}
