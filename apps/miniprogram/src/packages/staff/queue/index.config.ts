export default definePageConfig({ navigationBarTitleText: '受理调度', enablePullDownRefresh: true });
