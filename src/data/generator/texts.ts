// What customers say to the service centre, by interaction category. The assistant's intent detection and
// the churn model's text features are demonstrated on these, so cancellation requests name real reasons.
export const serviceTexts: Readonly<Record<string, readonly string[]>> = {
  inquiry: [
    '请问我这个月的账单什么时候出？', '积分怎么兑换里程？', '我的卡可以在国外用吗？', '账单分期的手续费是多少？',
    '最低还款额是怎么算的？', '自动还款怎么设置？', '年费怎么才能免？', '我想查一下上个月的消费明细。',
  ],
  complaint: [
    '年费扣了我都不知道，太不合理了！', '客服电话一直打不通，等了半个小时。', '积分规则改了也不通知，很不满意。',
    '分期手续费比宣传的高，感觉被骗了。', 'APP经常闪退，还款都还不上。', '我没开通的服务也收费了，请解释一下。',
    '额度一直不给提，用着太不方便了。', '短信营销太多了，请不要再发了。',
  ],
  cancellation_request: [
    '我想注销这张信用卡，年费太贵了。', '我要销卡，别家银行的权益更好。', '请帮我注销信用卡，平时基本不用了。',
    '额度太低了，我想把卡注销掉。', '积分越来越不值钱，我要销户。', '我已经办了别的卡，这张想注销。',
    '服务太差了，我要注销信用卡。', '请问怎么注销信用卡？我不想再用了。',
  ],
  limit_request: [
    '我想申请提高信用额度。', '下个月要出国，能临时提额吗？', '装修要用钱，想申请临时额度。', '我的额度能不能调高一点？',
  ],
  dispute: [
    '这笔消费不是我本人操作的，请核实。', '商家已经退款了，但账单上还有这笔钱。', '同一笔消费被扣了两次。',
    '网购的东西没收到，想申请拒付。',
  ],
};
