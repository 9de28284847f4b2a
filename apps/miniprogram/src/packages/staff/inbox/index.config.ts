export default definePageConfig({ navigationBarTitleText: '承办待办', enablePullDownRefresh: true });
