export default definePageConfig({ navigationBarTitleText: '综治工作台', enablePullDownRefresh: true });
