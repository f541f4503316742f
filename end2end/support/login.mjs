// Signs in through the login form, as a person would.
export const DEMO_PASSWORD = 'sidhanto-demo';

export async function login(page, baseUrl, username, password = DEMO_PASSWORD) {
  await page.goto(baseUrl + '/login');
  await page.getByLabel('ব্যবহারকারীর নাম').fill(username);
  await page.getByLabel('পাসওয়ার্ড').fill(password);
  await page.getByRole('button', { name: 'লগইন' }).click();
}
