/**
 * The GS1 Web Vocabulary terms EPCIS 2.0 sensor reports use as bare words.
 * Each word w stands for https://gs1.org/voc/w. Checked against GS1's
 * JSON-LD context files by cbv-lists.test.ts.
 */

/** gs1:MeasurementType (sensorReport.type). */
export const GS1_MEASUREMENT_TYPES = [
  'AbsoluteHumidity', 'AbsorbedDose', 'AbsorbedDoseRate', 'Acceleration', 'Altitude', 'AmountOfSubstance',
  'AmountOfSubstancePerUnitVolume', 'Angle', 'AngularAcceleration', 'AngularMomentum', 'AngularVelocity', 'Area',
  'Capacitance', 'Conductance', 'Conductivity', 'Count', 'Density', 'Dimensionless', 'DoseEquivalent',
  'DoseEquivalentRate', 'DynamicViscosity', 'ElectricCharge', 'ElectricCurrent', 'ElectricCurrentDensity',
  'ElectricFieldStrength', 'Energy', 'Exposure', 'Force', 'Frequency', 'Illuminance', 'Inductance', 'Irradiance',
  'KinematicViscosity', 'Length', 'LinearMomentum', 'Luminance', 'LuminousFlux', 'LuminousIntensity', 'MagneticFlux',
  'MagneticFluxDensity', 'MagneticVectorPotential', 'Mass', 'MassConcentration', 'MassFlowRate', 'MassPerAreaTime',
  'MemoryCapacity', 'MolalityOfSolute', 'MolarEnergy', 'MolarMass', 'MolarVolume', 'Power', 'Pressure',
  'RadiantFlux', 'RadiantIntensity', 'Radioactivity', 'RelativeHumidity', 'Resistance', 'Resistivity', 'SolidAngle',
  'SpecificVolume', 'Speed', 'SurfaceDensity', 'SurfaceTension', 'Temperature', 'Time', 'Torque', 'Voltage', 'Volume',
  'VolumeFlowRate', 'VolumeFraction', 'VolumetricFlux', 'Wavenumber',
] as const;

/** gs1:SensorAlertType (sensorReport.exception). */
export const GS1_SENSOR_ALERT_TYPES = ['ALARM_CONDITION', 'ERROR_CONDITION'] as const;
