import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileUnmaskRoles } from '../../../../src/profiles/schema';
import { useCurrentUser } from '../../app/current-user';

/** Agents and admins may see personal details, with a reason that goes to the audit log. */
export function UnmaskButton({ onUnmask }: { readonly onUnmask: (reason: string) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!profileUnmaskRoles.includes(user.role)) return null;
  const ok = reason.trim().length >= 4;
  return (
    <>
      <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="unmask">
        {t('customers.unmask.button')}
      </Button>
      <Modal
        open={open}
        title={t('customers.unmask.title')}
        okText={t('customers.unmask.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !ok, 'data-testid': 'unmask-confirm' }}
        onCancel={() => setOpen(false)}
        onOk={() => {
          onUnmask(reason.trim());
          setOpen(false);
          setReason('');
        }}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('customers.unmask.warning')} style={{ marginBottom: 16 }} />
        <Form layout="vertical">
          <Form.Item label={t('customers.unmask.reason')} required help={t('customers.unmask.reasonHint')}>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 4 }}
              data-testid="unmask-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
