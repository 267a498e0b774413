import { Checkbox, Col, Input, Row, Select, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { plannedCarTrips, plannedGiftCount } from '../../../../../shared/policy';
import { EQUIPMENT } from '../../../../../shared/requests/schema';
import { CountInput, RField, useDirectory, useRequestForm } from './common';
import { MealGrid } from './MealGrid';
import { isBlankVisitor } from './paste';

type BoolNeed =
  | 'pickup'
  | 'dropoff'
  | 'meetingRoom'
  | 'companyPaysLodging'
  | 'gifts'
  | 'banner'
  | 'welcomeSign'
  | 'tableCards'
  | 'photographer'
  | 'sightseeing'
  | 'returnTickets';
type CountNeed = 'carTrips' | 'hotelNights' | 'hotelRooms' | 'giftCount';

function Group({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="rf-group">
      <div className="rf-group-title">
        <span>{title}</span>
        {extra}
      </div>
      {children}
    </div>
  );
}

function Need({ name, label }: { name: BoolNeed; label: string }) {
  return (
    <RField name={`needs.${name}`} className="rf-check">
      {(f) => (
        <Checkbox
          id={`needs.${name}`}
          ref={f.ref}
          checked={Boolean(f.value)}
          onChange={(e) => f.onChange(e.target.checked)}
          onBlur={f.onBlur}
        >
          {label}
        </Checkbox>
      )}
    </RField>
  );
}

function Count({
  name,
  label,
  help,
  placeholder,
  disabled,
}: {
  name: CountNeed;
  label: string;
  help?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <RField name={`needs.${name}`} label={label} help={help} className="rf-count">
      {(f, invalid) => (
        <CountInput
          id={`needs.${name}`}
          ref={f.ref}
          value={f.value}
          onChange={f.onChange}
          onBlur={f.onBlur}
          invalid={invalid}
          disabled={disabled}
          placeholder={placeholder}
        />
      )}
    </RField>
  );
}

type TextNeedName = 'pickupPlace' | 'arrivalTransportNo' | 'dropoffPlace' | 'departureTransportNo';

/** Where and on which flight or train the guests arrive or leave (the booking plan reads them). */
function TextNeed({
  name,
  label,
  placeholder,
  max,
}: {
  name: TextNeedName;
  label: string;
  placeholder: string;
  max: number;
}) {
  return (
    <RField name={`needs.${name}`} label={label} className="rf-compact">
      {(f, invalid) => (
        <Input
          {...f}
          value={f.value ?? ''}
          id={`needs.${name}`}
          maxLength={max}
          placeholder={placeholder}
          status={invalid ? 'error' : undefined}
        />
      )}
    </RField>
  );
}

/** 接待需求: transport, meeting room, lodging, meals, gifts, dressing and the rest. */
export function NeedsSection() {
  const { t } = useTranslation();
  const form = useRequestForm();
  const { policy } = useDirectory();
  const [
    tier,
    meetingRoom,
    gifts,
    companyPays,
    pickup,
    dropoff,
    carTrips,
    visitors,
    returnTickets,
  ] = useWatch({
    control: form.control,
    name: [
      'tier',
      'needs.meetingRoom',
      'needs.gifts',
      'needs.companyPaysLodging',
      'needs.pickup',
      'needs.dropoff',
      'needs.carTrips',
      'visitors',
      'needs.returnTickets',
    ],
  });
  // An empty count shows what will be planned for it, by the rule the budget uses.
  const auto = (n: number) => (n > 0 ? t('requestForm.needs.countAuto', { count: n }) : undefined);
  const autoTrips = auto(plannedCarTrips({ carTrips: 0, pickup, dropoff }));
  const autoGifts = auto(
    plannedGiftCount({ giftCount: 0 }, visitors.filter((v) => !isBlankVisitor(v)).length),
  );
  const vehicle = policy?.policy.tiers[tier].vehicle;
  const vehicleTag =
    vehicle && (pickup || dropoff || vehicle !== 'yes') ? (
      <Tag color={vehicle === 'yes' ? 'green' : vehicle === 'on_request' ? 'blue' : 'orange'}>
        {t(`requestForm.vehicle.${vehicle}`)}
      </Tag>
    ) : null;
  // Where the tier grants a car only on request, the request says why it needs one.
  const asksCar = vehicle === 'on_request' && (pickup || dropoff || carTrips > 0);

  return (
    <>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Group title={t('requestForm.needs.transport')} extra={vehicleTag}>
            <Row gutter={12} align="top">
              <Col flex="none">
                <Need name="pickup" label={t('requestForm.needs.pickup')} />
                <Need name="dropoff" label={t('requestForm.needs.dropoff')} />
              </Col>
              <Col flex="auto">
                <Count
                  name="carTrips"
                  label={t('requestForm.needs.carTrips')}
                  help={t('requestForm.needs.carTripsHelp')}
                  placeholder={autoTrips}
                />
              </Col>
            </Row>
            {pickup && (
              <Row gutter={12}>
                <Col xs={24} sm={14}>
                  <TextNeed
                    name="pickupPlace"
                    label={t('requestForm.needs.pickupPlace')}
                    placeholder={t('requestForm.needs.pickupPlacePlaceholder')}
                    max={100}
                  />
                </Col>
                <Col xs={24} sm={10}>
                  <TextNeed
                    name="arrivalTransportNo"
                    label={t('requestForm.needs.arrivalTransportNo')}
                    placeholder={t('requestForm.needs.transportNoPlaceholder')}
                    max={20}
                  />
                </Col>
              </Row>
            )}
            {(dropoff || returnTickets) && (
              <Row gutter={12}>
                <Col xs={24} sm={14}>
                  <TextNeed
                    name="dropoffPlace"
                    label={t('requestForm.needs.dropoffPlace')}
                    placeholder={t('requestForm.needs.dropoffPlacePlaceholder')}
                    max={100}
                  />
                </Col>
                <Col xs={24} sm={10}>
                  <TextNeed
                    name="departureTransportNo"
                    label={t('requestForm.needs.departureTransportNo')}
                    placeholder={t('requestForm.needs.transportNoPlaceholder')}
                    max={20}
                  />
                </Col>
              </Row>
            )}
            {asksCar && (
              <RField
                name="needs.carJustification"
                label={t('requestForm.needs.carJustification')}
                help={t('requestForm.needs.carJustificationHelp')}
              >
                {(f, invalid) => (
                  <Input.TextArea
                    {...f}
                    id="needs.carJustification"
                    autoSize={{ minRows: 2, maxRows: 4 }}
                    count={{ show: true, max: 500, strategy: (v: string) => [...v].length }}
                    status={invalid ? 'error' : undefined}
                  />
                )}
              </RField>
            )}
          </Group>
        </Col>
        <Col xs={24} lg={12}>
          <Group title={t('requestForm.needs.meetingRoom')}>
            <Need name="meetingRoom" label={t('requestForm.needs.meetingRoomNeeded')} />
            <RField name="needs.equipment" className="rf-compact">
              {(f, invalid) => (
                <Select
                  id="needs.equipment"
                  ref={f.ref}
                  mode="multiple"
                  disabled={!meetingRoom}
                  value={f.value}
                  onChange={f.onChange}
                  onBlur={f.onBlur}
                  status={invalid ? 'error' : undefined}
                  placeholder={t('requestForm.needs.equipmentPlaceholder')}
                  aria-label={t('requestForm.needs.equipment')}
                  options={EQUIPMENT.map((e) => ({
                    value: e,
                    label: t(`labels.equipment.${e}`),
                  }))}
                  style={{ width: '100%' }}
                />
              )}
            </RField>
          </Group>
        </Col>
        <Col xs={24} lg={12}>
          <Group title={t('requestForm.needs.lodging')}>
            <Row gutter={12}>
              <Col span={12}>
                <Count name="hotelNights" label={t('requestForm.needs.hotelNights')} />
              </Col>
              <Col span={12}>
                <Count name="hotelRooms" label={t('requestForm.needs.hotelRooms')} />
              </Col>
            </Row>
            <Need name="companyPaysLodging" label={t('requestForm.needs.companyPaysLodging')} />
            <Typography.Text
              type={companyPays ? 'warning' : 'secondary'}
              className="rf-hint"
              style={{ display: 'block' }}
            >
              {t('requestForm.needs.companyPaysLodgingHelp')}
            </Typography.Text>
          </Group>
        </Col>
        <Col xs={24} lg={12}>
          <Group title={t('requestForm.needs.gifts')}>
            <Row gutter={12} align="top">
              <Col flex="none">
                <Need name="gifts" label={t('requestForm.needs.giftsNeeded')} />
              </Col>
              <Col flex="auto">
                <Count
                  name="giftCount"
                  label={t('requestForm.needs.giftCount')}
                  help={t('requestForm.needs.giftCountHelp')}
                  placeholder={gifts ? autoGifts : undefined}
                  disabled={!gifts}
                />
              </Col>
            </Row>
          </Group>
        </Col>
        <Col xs={24} lg={12}>
          <Group title={t('requestForm.needs.venue')}>
            <div className="rf-checks">
              <Need name="banner" label={t('requestForm.needs.banner')} />
              <Need name="welcomeSign" label={t('requestForm.needs.welcomeSign')} />
              <Need name="tableCards" label={t('requestForm.needs.tableCards')} />
            </div>
          </Group>
        </Col>
        <Col xs={24} lg={12}>
          <Group title={t('requestForm.needs.others')}>
            <div className="rf-checks">
              <Need name="photographer" label={t('requestForm.needs.photographer')} />
              <Need name="sightseeing" label={t('requestForm.needs.sightseeing')} />
              <Need name="returnTickets" label={t('requestForm.needs.returnTickets')} />
            </div>
          </Group>
        </Col>
        <Col span={24}>
          <Group title={t('requestForm.needs.meals')}>
            <MealGrid />
          </Group>
        </Col>
      </Row>
    </>
  );
}
