import type { Contact } from '../model/index.js';

const NUMBER = '(?:\\d{3,4}[-－—]\\s*)?\\d{7,8}(?:[-－]\\d{1,4})?';
const PHONE = new RegExp(
  `(?:联系电话|咨询电话|受理电话|办公电话|监督电话|电话)(\\s*[/、和及]\\s*传真)?\\s*(?:号码)?\\s*[:：为是]?\\s*(${NUMBER}(?:\\s*[、,，/]\\s*${NUMBER})*)`,
);
const FAX = new RegExp(`传真(?:号码)?\\s*[:：为是]?\\s*(${NUMBER})`);
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,12}/;
const ADDRESS = /(?:联系地址|通讯地址|办公地址|地址)\s*[:：为是]\s*([^；;，,。）)\n]{4,60})/;
const POSTCODE = /(?:邮编|邮政编码)\s*[:：为是]?\s*(\d{6})(?!\d)/;

/**
 * Reads the contact details a report gives (usually in the preamble): phone, fax (`电话/传真：` gives
 * both), e-mail, address and postcode. The first stated value of each wins.
 *
 * @example
 * findContact('受理电话:68260662;邮箱:slmzj0662@163.com;'); // { phone: '68260662', email: 'slmzj0662@163.com' }
 */
export function findContact(text: string): Contact {
  const contact: Contact = {};
  const phone = PHONE.exec(text);
  if (phone) {
    contact.phone = (phone[2] as string).trim();
    if (phone[1]) contact.fax = contact.phone;
  }
  const fax = FAX.exec(text);
  if (fax && !contact.fax) contact.fax = (fax[1] as string).trim();
  const email = EMAIL.exec(text);
  if (email) contact.email = email[0];
  const address = ADDRESS.exec(text);
  if (address) contact.address = (address[1] as string).trim();
  const postcode = POSTCODE.exec(text);
  if (postcode) contact.postcode = postcode[1] as string;
  return contact;
}
